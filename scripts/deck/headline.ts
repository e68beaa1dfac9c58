import type { Lang } from '../brief/model.ts'
import { englishCuts } from './cut-en.ts'
import { chineseCuts } from './cut-zh.ts'
import type { Boundary, Cut } from './cut.ts'

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
 * A slide headline from a detailed bullet: the whole text when it fits, else
 * the longest prefix that ends a sentence, else a clause, else stops before a
 * clause or coordination, else before a function word, else at a word (see
 * cut-en.ts and cut-zh.ts for what may end a headline). Pure: the same text
 * always gives the same headline.
 */
export function deriveHeadline(text: string, lang: Lang, limit = HEADLINE_LIMIT[lang]): string {
  if (length(text) <= limit) return text
  return shown(chooseCut(cutsOf(text, lang), limit, Math.ceil(limit * MIN_SHARE)) ?? characterCut(text, limit))
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
