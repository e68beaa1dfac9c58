import type { Bilingual, Lang } from '../brief/model.ts'
import { closedAt } from './balance.ts'
import { compressions, withoutArticle } from './compress.ts'
import { englishCuts } from './cut-en.ts'
import { chineseCuts } from './cut-zh.ts'
import type { Boundary, Cut } from './cut.ts'
import { figureKey, figureKeys, findFigures, keyFigure, type Figure } from './figures.ts'

/** Longest derived headline, in characters: one line of a slide at the deck's type size. */
export const HEADLINE_LIMIT: Record<Lang, number> = { 'zh-Hant': 24, en: 64 }
/** Longest headline that keeps its bullet's key figure, when no one-line headline can: a line and a third. */
export const FIGURE_LIMIT: Record<Lang, number> = { 'zh-Hant': 32, en: 84 }

const ELLIPSIS = '…'
/** A headline shorter than this share of the limit says too little: cut later instead. */
const MIN_SHARE = 0.4
/** Boundaries in the order they are tried: the first that gives a long enough headline wins. */
const TIERS: Boundary[][] = [['sentence'], ['clause'], ['before-clause'], ['phrase'], ['word']]

/**
 * Every place a bullet's headline of at most `limit` characters could end, in
 * the bullet's language. Only the start of the text can hold one: a character
 * is at most two UTF-16 units, so nothing past twice the limit is looked at,
 * which keeps a long bullet as quick as a short one.
 */
export function cutsOf(text: string, lang: Lang, limit = HEADLINE_LIMIT[lang]): Cut[] {
  const reach = 2 * limit
  return lang === 'en' ? englishCuts(text, reach) : chineseCuts(text, reach)
}

/** A cut as the slide shows it: with an ellipsis unless it ends a clause that stands alone. */
export function shown(cut: Cut): string {
  return cut.complete ? cut.text : cut.text + ELLIPSIS
}

/**
 * A slide headline from a detailed bullet: the whole text when it fits;
 * else the bullet with what a sub-editor drops first — attribution, glosses
 * in brackets, the time or place it opens with (compress.ts) — when that
 * fits; else the longest cut of that (see `rankedCuts`) that keeps the
 * bullet's key figure (figures.ts), or a cut of the clause that holds it.
 * Pure: the same text always gives the same headline.
 */
export function deriveHeadline(text: string, lang: Lang, limit = HEADLINE_LIMIT[lang]): string {
  return rankedCandidates(text, lang, limit)[0]!.text
}

/** A headline the bullet could get; `sound` when it breaks no rule of where a headline may end. */
export interface Candidate {
  text: string
  sound: boolean
}

/**
 * Every headline the bullet could get, best first: the whole text, each
 * compression that fits, then ranked cuts of the compressed text, of it
 * without its opening article, and of the clause that holds the key figure;
 * sound ones that keep the key figure first, then other sound ones.
 */
export function rankedCandidates(text: string, lang: Lang, limit = HEADLINE_LIMIT[lang]): Candidate[] {
  const levels = compressions(text, lang)
  // A bullet that fits is its own headline; its compressions and cuts stay on offer, for the other language's line
  // to agree with.
  if (length(text) <= limit) {
    const cuts = rankedCuts(cutsOf(levels.at(-1) ?? text, lang), limit, Math.ceil(limit * MIN_SHARE)).filter((cut) => cut.sound)
    return [text, ...levels, ...cuts.map(shown)].map((option) => ({ text: option, sound: true }))
  }
  const shortest = levels.at(-1) ?? text
  const minimum = Math.ceil(limit * MIN_SHARE)
  const whole = (base: string): Candidate[] => (length(base) <= limit ? [{ text: base, sound: true }] : [])
  // A base that fits is offered whole, then cut (for the other language's line to agree with).
  const cutsOfText = (base: string): Candidate[] => [
    ...whole(base),
    ...rankedCuts(cutsOf(base, lang), limit, minimum)
      .filter((cut) => length(base) > limit || cut.sound)
      .map((cut) => ({ text: shown(cut), sound: cut.sound })),
  ]
  const candidates: Candidate[] = levels.flatMap(whole)
  candidates.push(...cutsOfText(shortest))
  const bare = withoutArticle(shortest, lang)
  if (bare) candidates.push(...cutsOfText(bare))
  const key = keyFigure(text, lang)
  const clause = key && figureClause(shortest, lang)
  if (clause && clause !== shortest) candidates.push(...cutsOfText(clause))
  const wanted = key && figureKey(key)
  const lastResort: Candidate[] = []
  const stated = new Set(findFigures(text, lang).filter((f) => !f.year).map(figureKey))
  const carriesAny = (candidate: string) => findFigures(candidate.replace(/…$/, ''), lang).some((f) => stated.has(figureKey(f)))
  const carries = (candidate: string) => findFigures(candidate.replace(/…$/, ''), lang).some((f) => figureKey(f) === wanted)
  // A second, shorter line rather than a headline without its point: first when no one-line headline keeps the key
  // figure; else last, for the other language's line to agree with.
  if (limit === HEADLINE_LIMIT[lang]) {
    const longer = FIGURE_LIMIT[lang]
    const longerCuts = (base: string): Candidate[] =>
      length(base) <= longer ? [{ text: base, sound: true }] : rankedCuts(cutsOf(base, lang, longer), longer, limit).map((cut) => ({ text: shown(cut), sound: cut.sound }))
    const all = findFigures(text, lang).map(figureKey)
    const carriesFigure = (c: Candidate) => findFigures(c.text.replace(/…$/, ''), lang).some((f) => all.includes(figureKey(f)))
    const extra = [...longerCuts(shortest), ...(bare ? longerCuts(bare) : []), ...(clause ? longerCuts(clause) : [])].filter(
      (c) => c.sound && length(c.text) > limit && carriesFigure(c),
    )
    if (wanted && !candidates.some((c) => c.sound && carries(c.text))) candidates.push(...extra.filter((c) => carriesAny(c.text)))
    else lastResort.push(...extra)
  }
  // A sound headline that keeps the key figure, then one that keeps another, then any sound one; a rule is
  // broken only when nothing else is left.
  const order = (c: Candidate) => (!c.sound ? 3 : wanted && carries(c.text) ? 0 : carriesAny(c.text) ? 1 : 2)
  const ranked = candidates.map((c, i) => ({ c, i })).sort((a, b) => order(a.c) - order(b.c) || a.i - b.i)
  const seen = new Set<string>()
  return [...ranked.map(({ c }) => c), ...lastResort, { text: shown(characterCut(shortest, limit)), sound: false }].filter(
    (c) => !seen.has(c.text) && seen.add(c.text),
  )
}

/**
 * The clause that holds the bullet's key figure, from the clause mark before
 * it, with what a sub-editor drops from its start: "…, and the budget will
 * rise to NT$3 billion" gives "The budget will rise to NT$3 billion".
 */
function figureClause(text: string, lang: Lang): string | undefined {
  const key = keyFigure(text, lang)
  if (!key) return undefined
  const before = text.slice(0, key.start)
  const marks =
    lang === 'en' ? /(?:[,;:.!?—]\s*|\s(?:because|while|whereas|but|and|as)\s)/gu : /[，；。：！？,;:!?—]+/gu
  // The last clause mark before the figure that stands outside every quotation and bracket.
  const closed = closedAt(text)
  const mark = [...before.matchAll(marks)].filter((m) => closed(m.index)).at(-1)
  if (!mark) return undefined
  const clause = text.slice(mark.index + mark[0].length).trim()
  return compressions(clause, lang).at(-1) ?? (lang === 'en' ? clause.charAt(0).toUpperCase() + clause.slice(1) : clause)
}

/**
 * The shared figures two headlines must agree on: those both bullets state.
 * A figure only one language's bullet states is free to appear in its headline.
 */
function sharedFigures(texts: Bilingual<string>): Set<string> {
  const en = figureKeys(texts.en, 'en')
  return new Set([...figureKeys(texts['zh-Hant'], 'zh-Hant')].filter((key) => en.has(key)))
}

/**
 * Both headlines of a bullet: each as good as `rankedCandidates` ranks it,
 * carrying the same figures of those both bullets state — and the bullet's
 * key figure, where both state it — so the two lines on a slide never
 * disagree on a number. Candidates equal to one in `avoid` are passed over.
 */
export function deriveHeadlines(texts: Bilingual<string>, avoid: { [L in Lang]?: string | undefined } = {}): Bilingual<string> {
  const options = (lang: Lang) => {
    const all = rankedCandidates(texts[lang], lang)
    const kept = all.filter((c) => c.text.replace(/…$/, '') !== avoid[lang]?.replace(/…$/, ''))
    return kept.length > 0 ? kept : all
  }
  return chooseAgreeing(texts, { 'zh-Hant': options('zh-Hant'), en: options('en') })
}

/**
 * The pair of sound candidates with the lowest sum of ranks, trying in turn:
 * the same shared figures, years included, with the key figure in both,
 * else another figure in both, else in headlines that say enough; then the
 * same with years aside; then the same shared figures in any headlines
 * (only this last for titles: `preferFigures` false). Else each language's best.
 */
export function chooseAgreeing(texts: Bilingual<string>, candidates: Bilingual<Candidate[]>, preferFigures = true): Bilingual<string> {
  const shared = sharedFigures(texts)
  const enKey = keyFigure(texts.en, 'en', (f) => shared.has(figureKey(f)))
  const key = enKey && figureKey(enKey)
  const figuresOf = (c: Candidate, lang: Lang) => findFigures(c.text.replace(/…$/, ''), lang).filter((f) => shared.has(figureKey(f)))
  const signature = (figures: Figure[], years: boolean) =>
    [...new Set(figures.filter((f) => years || !f.year).map(figureKey))].sort().join(' ')
  const annotate = (lang: Lang) =>
    candidates[lang].filter((c) => c.sound).map((c) => {
      const figures = figuresOf(c, lang)
      return {
        text: c.text,
        all: signature(figures, true),
        noYears: signature(figures, false),
        key: key !== undefined && figures.some((f) => figureKey(f) === key),
        any: figures.some((f) => !f.year),
      }
    })
  const zh = annotate('zh-Hant')
  const en = annotate('en')
  type Annotated = (typeof zh)[number]
  // A headline under 40% of its line says too little: it is taken to agree only when nothing longer does.
  const full = (a: Annotated, lang: Lang) => length(a.text) >= Math.ceil(HEADLINE_LIMIT[lang] * MIN_SHARE) || !a.text.endsWith('…')
  const passes: ((a: Annotated, b: Annotated) => boolean)[] = [
    (a, b) => a.key && b.key && a.all === b.all,
    (a, b) => a.any && b.any && a.all === b.all,
    (a, b) => a.all === b.all && full(a, 'zh-Hant') && full(b, 'en'),
    (a, b) => a.key && b.key && a.noYears === b.noYears,
    (a, b) => a.any && b.any && a.noYears === b.noYears,
    (a, b) => a.noYears === b.noYears && full(a, 'zh-Hant') && full(b, 'en'),
    (a, b) => a.all === b.all,
  ]
  // A title names the subject: it agrees on figures, it need not carry one.
  for (const agree of preferFigures ? passes : passes.slice(-1)) {
    for (let sum = 0; sum <= zh.length + en.length - 2; sum++) {
      for (let i = Math.max(0, sum - en.length + 1); i <= Math.min(sum, zh.length - 1); i++) {
        if (agree(zh[i]!, en[sum - i]!)) return { 'zh-Hant': zh[i]!.text, en: en[sum - i]!.text }
      }
    }
  }
  return { 'zh-Hant': candidates['zh-Hant'][0]!.text, en: candidates.en[0]!.text }
}

/**
 * Every cut that fits `limit`, best first: the
 * strongest boundary first, and within it a clause that stands alone before
 * one that needs an ellipsis, the longest first; then any other sound cut,
 * then the rest, longest first.
 */
export function rankedCuts(all: Cut[], limit: number, minimum: number): Cut[] {
  const cuts = all.filter((cut) => length(shown(cut)) <= limit)
  const byLength = (list: Cut[]) => [...list].sort((a, b) => length(b.text) - length(a.text))
  const ranked: Cut[] = []
  for (const tier of TIERS) {
    const candidates = cuts.filter((c) => c.sound && tier.includes(c.boundary) && length(c.text) >= minimum)
    ranked.push(...byLength(candidates.filter((c) => c.complete)), ...byLength(candidates.filter((c) => !c.complete)))
  }
  ranked.push(...byLength(cuts.filter((c) => c.sound)), ...byLength(cuts))
  return [...new Set(ranked)]
}


/** A single word longer than the line: nothing better than a character cut exists. */
function characterCut(text: string, limit: number): Cut {
  return { text: Array.from(text).slice(0, limit - 1).join(''), boundary: 'word', complete: false, sound: false }
}


/** Length in code points, so an emoji or a rare Han character counts once. */
export function length(text: string): number {
  return Array.from(text).length
}
