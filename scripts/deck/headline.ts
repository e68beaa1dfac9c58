import type { Bilingual, Lang } from '../brief/model.ts'
import { compressions } from './compress.ts'
import { englishCuts } from './cut-en.ts'
import { chineseCuts } from './cut-zh.ts'
import type { Boundary, Cut } from './cut.ts'
import { figureKey, figureKeys, findFigures, keyFigure } from './figures.ts'

/** Longest derived headline, in characters: one line of a slide at the deck's type size. */
export const HEADLINE_LIMIT: Record<Lang, number> = { 'zh-Hant': 24, en: 64 }

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
  return headlineCandidates(text, lang, limit)[0]!
}

/**
 * Every headline the bullet could get, best first: the whole text, each
 * compression that fits, then ranked cuts of the compressed text and of the
 * clause that holds the key figure; those that keep the key figure first.
 * Never empty.
 */
export function headlineCandidates(text: string, lang: Lang, limit = HEADLINE_LIMIT[lang]): string[] {
  if (length(text) <= limit) return [text]
  const levels = compressions(text, lang)
  const shortest = levels.at(-1) ?? text
  const minimum = Math.ceil(limit * MIN_SHARE)
  const candidates: { text: string; sound: boolean }[] = levels.filter((level) => length(level) <= limit).map((level) => ({ text: level, sound: true }))
  const cutsOfText = (base: string) => rankedCuts(cutsOf(base, lang), limit, minimum).map((cut) => ({ text: shown(cut), sound: cut.sound }))
  candidates.push(...cutsOfText(shortest))
  const key = keyFigure(text, lang)
  const clause = key && figureClause(shortest, lang)
  if (clause && clause !== shortest) {
    if (length(clause) <= limit) candidates.push({ text: clause, sound: true })
    else candidates.push(...cutsOfText(clause))
  }
  candidates.push({ text: shown(characterCut(shortest, limit)), sound: false })
  const wanted = key && figureKey(key)
  const carries = (candidate: string) => findFigures(candidate.replace(/…$/, ''), lang).some((f) => figureKey(f) === wanted)
  // A sound headline that keeps the key figure, then any sound one; a rule is broken only when nothing else is left.
  const order = (c: { text: string; sound: boolean }) => (!c.sound ? 2 : wanted && carries(c.text) ? 0 : 1)
  const ranked = candidates.map((c, i) => ({ ...c, i })).sort((a, b) => order(a) - order(b) || a.i - b.i)
  return [...new Set(ranked.map((c) => c.text))]
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
  const marks = lang === 'en' ? /[,;:.!?—]\s*(?=[^,;:.!?—]*$)/u : /[，；。：！？,;:!?—]+(?=[^，；。：！？,;:!?—]*$)/u
  const mark = marks.exec(before)
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
 * Both headlines of a bullet: each as good as `headlineCandidates` ranks it,
 * carrying the same figures of those both bullets state — and the bullet's
 * key figure, where both state it — so the two lines on a slide never
 * disagree on a number. Candidates equal to one in `avoid` are passed over.
 */
export function deriveHeadlines(texts: Bilingual<string>, avoid: { [L in Lang]?: string | undefined } = {}): Bilingual<string> {
  const options = (lang: Lang) => {
    const all = headlineCandidates(texts[lang], lang)
    const kept = all.filter((c) => c.replace(/…$/, '') !== avoid[lang]?.replace(/…$/, ''))
    return kept.length > 0 ? kept : all
  }
  return chooseAgreeing(texts, { 'zh-Hant': options('zh-Hant'), en: options('en') })
}

/** The pair of candidates with the lowest sum of ranks that carries the same shared figures, the key one first. */
export function chooseAgreeing(texts: Bilingual<string>, candidates: Bilingual<string[]>): Bilingual<string> {
  const shared = sharedFigures(texts)
  const enKey = findFigures(texts.en, 'en').find((f) => !f.year && shared.has(figureKey(f)))
  const key = enKey && figureKey(enKey)
  const signature = (text: string, lang: Lang) =>
    [...figureKeys(text.replace(/…$/, ''), lang)].filter((k) => shared.has(k)).sort().join(' ')
  const zh = candidates['zh-Hant'].map((text) => ({ text, sig: signature(text, 'zh-Hant') }))
  const en = candidates.en.map((text) => ({ text, sig: signature(text, 'en') }))
  for (const needKey of key ? [true, false] : [false]) {
    for (let sum = 0; sum <= zh.length + en.length - 2; sum++) {
      for (let i = Math.max(0, sum - en.length + 1); i <= Math.min(sum, zh.length - 1); i++) {
        const a = zh[i]!
        const b = en[sum - i]!
        if (a.sig === b.sig && (!needKey || a.sig.split(' ').includes(key!))) return { 'zh-Hant': a.text, en: b.text }
      }
    }
  }
  return { 'zh-Hant': zh[0]!.text, en: en[0]!.text }
}

/**
 * Every cut that fits `limit`, best first, as `chooseCut` ranks them: the
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

/**
 * The best cut that fits `limit` and keeps at least `minimum` characters:
 * the strongest boundary first, the longest within it, a clause that stands
 * alone before one that needs an ellipsis. Failing that, the longest sound
 * cut however short, else the longest cut.
 */
export function chooseCut(all: Cut[], limit: number, minimum: number): Cut | undefined {
  const cuts = all.filter((cut) => length(shown(cut)) <= limit)
  for (const tier of TIERS) {
    const candidates = cuts.filter((c) => c.sound && tier.includes(c.boundary) && length(c.text) >= minimum)
    const best = longest(candidates.filter((c) => c.complete)) ?? longest(candidates)
    if (best) return best
  }
  return longest(cuts.filter((c) => c.sound)) ?? longest(cuts)
}

/** A single word longer than the line: nothing better than a character cut exists. */
function characterCut(text: string, limit: number): Cut {
  return { text: Array.from(text).slice(0, limit - 1).join(''), boundary: 'word', complete: false, sound: false }
}

function longest(cuts: Cut[]): Cut | undefined {
  return cuts.reduce<Cut | undefined>((best, cut) => (best && length(best.text) >= length(cut.text) ? best : cut), undefined)
}

/** Length in code points, so an emoji or a rare Han character counts once. */
export function length(text: string): number {
  return Array.from(text).length
}
