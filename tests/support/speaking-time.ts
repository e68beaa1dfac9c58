import type { Lang } from '../../scripts/brief/model.ts'
import { readBriefText } from './brief-oracle.ts'

/** The README's pace: 130 English words or 220 Chinese characters a minute. */
const PER_MINUTE: Record<Lang, number> = { 'zh-Hant': 220, en: 130 }

/** How much there is to say, counted as a reader would: words with a letter or digit; Han characters. */
function spoken(text: string, lang: Lang): number {
  return lang === 'en' ? text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length : (text.match(/\p{Script=Han}/gu) ?? []).length
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
  const brief = readBriefText(briefText)
  const slides = (lang: Lang) => [
    [extras.title?.[lang] ?? '', extras.subtitle?.[lang] ?? ''],
    [brief[lang].lede],
    ...brief[lang].sections.map((section) => [section.heading, ...section.points]),
  ]
  const perLang = langs.map((lang) => slides(lang).map((texts) => (texts.reduce((sum, text) => sum + spoken(text, lang), 0) / PER_MINUTE[lang]) * 60))
  return perLang[0]!.map((_, i) => perLang.reduce((sum, slides) => sum + slides[i]!, 0))
}
