import type { Lang } from '../../scripts/brief/model.ts'
import { readBriefText } from './brief-oracle.ts'

/** The pace docs/presenting.md states: 130 English words or 220 Chinese characters a minute. */
export const PER_MINUTE: Record<Lang, number> = { 'zh-Hant': 220, en: 130 }

/**
 * How much there is to say, counted as docs/presenting.md says: English words
 * (letters or digits, joined by an apostrophe or a hyphen: "state-owned",
 * "Xi's"); Han characters. The one count every test of speaking time uses.
 */
export function spoken(text: string, lang: Lang): number {
  return (text.match(lang === 'en' ? /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu : /\p{Script=Han}/gu) ?? []).length
}

/**
 * Seconds to say each slide of a brief's deck in `langs`, reckoned by the
 * tests from the brief and the extras' title and subtitle: the title slide its
 * title and subtitle, the bottom line the lede, a section its heading and bullets.
 */
export function secondsToSay(
  briefText: string,
  extras: { title?: Partial<Record<Lang, string>>; subtitle?: Partial<Record<Lang, string>> },
  langs: Lang[],
): number[] {
  return secondsToSayEachStep(briefText, extras, langs).map((steps) => steps.reduce((a, b) => a + b, 0))
}

/**
 * The same, step by step (README, "Presenting to time"): the title slide and
 * the bottom line one step each; a section its heading before the first
 * click, then one step a bullet.
 */
export function secondsToSayEachStep(
  briefText: string,
  extras: { title?: Partial<Record<Lang, string>>; subtitle?: Partial<Record<Lang, string>> },
  langs: Lang[],
): number[][] {
  const brief = readBriefText(briefText)
  const steps = (lang: Lang) => [
    [[extras.title?.[lang] ?? '', extras.subtitle?.[lang] ?? '']],
    [[brief[lang].lede]],
    ...brief[lang].sections.map((section) => [[section.heading], ...section.points.map((point) => [point])]),
  ]
  const seconds = (texts: string[], lang: Lang) => (texts.reduce((sum, text) => sum + spoken(text, lang), 0) / PER_MINUTE[lang]) * 60
  const perLang = langs.map((lang) => steps(lang).map((slide) => slide.map((texts) => seconds(texts, lang))))
  return perLang[0]!.map((slide, i) => slide.map((_, j) => perLang.reduce((sum, slides) => sum + slides[i]![j]!, 0)))
}

/**
 * Each step's share of a slot of `slot` seconds, by the time it takes to say
 * (README): what the presenter's budgets must be, to a second of rounding.
 */
export function sharesOfSlot(steps: number[][], slot: number): number[][] {
  const total = steps.flat().reduce((a, b) => a + b, 0)
  return steps.map((slide) => slide.map((seconds) => (slot * seconds) / total))
}

/** How far a budget shown may be from the tests' reckoning: a word or two counted otherwise, and a second of rounding. */
export function budgetSlack(seconds: number): number {
  return Math.max(2, seconds * 0.03)
}

/** `m:ss` as a presenter reads it, in seconds, read by the tests themselves (never by `formatClock`). */
export function clockSeconds(text: string | undefined): number {
  const [, m, s] = /^(\d+):(\d\d)$/.exec(text ?? '') ?? []
  if (m === undefined) throw new Error(`not a clock: ${text}`)
  return Number(m) * 60 + Number(s)
}
