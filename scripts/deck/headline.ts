import type { Lang } from '../brief/model.ts'

/** Longest derived headline, in characters: one line of a slide at the deck's type size. */
export const HEADLINE_LIMIT: Record<Lang, number> = { 'zh-Hant': 24, en: 64 }

const ELLIPSIS = '…'
/** A headline shorter than this share of the limit says too little: cut later instead. */
const MIN_SHARE = 0.4

/** Ends of sentences, then of clauses; each match ends where a cut may fall. */
const SENTENCE_END: Record<Lang, RegExp> = { 'zh-Hant': /[。！？]/g, en: /[.!?](?=\s)/g }
const CLAUSE_END: Record<Lang, RegExp> = { 'zh-Hant': /[，、；：,;:—]/g, en: /[,;:](?=\s)|\s[—–]\s/g }
const TRAILING_PUNCTUATION = /[\s，、；：。！？,;:.!?—–]+$/u

/**
 * A slide headline from a detailed bullet: the whole text when it fits, else
 * the longest prefix that ends a sentence, else a clause, else a word, marked
 * with an ellipsis. Never cuts inside a word (Chinese words by ICU's segmenter).
 */
export function deriveHeadline(text: string, lang: Lang, limit = HEADLINE_LIMIT[lang]): string {
  if (length(text) <= limit) return text
  const room = limit - 1 // keep a place for the ellipsis
  const minimum = Math.ceil(limit * MIN_SHARE)
  const fits = (end: number) => {
    const prefix = clean(text.slice(0, end))
    return length(prefix) <= room && length(prefix) >= minimum
  }
  const cut =
    lastEnd(text, SENTENCE_END[lang], fits) ?? lastEnd(text, CLAUSE_END[lang], fits) ?? lastWordEnd(text, lang, room)
  return closeBrackets(clean(text.slice(0, cut)), minimum) + ELLIPSIS
}

const OPENERS = '(（「『“《['
const CLOSERS = ')）」』”》]'

/** A headline must not end inside brackets or quotes it opened: cut before the opener when that leaves enough. */
function closeBrackets(prefix: string, minimum: number): string {
  const stack: number[] = []
  Array.from(prefix).forEach((char, i) => {
    if (OPENERS.includes(char)) stack.push(i)
    else if (CLOSERS.includes(char)) stack.pop()
  })
  const open = stack[0] ?? -1
  if (open < 0) return prefix
  const before = clean(Array.from(prefix).slice(0, open).join(''))
  return length(before) >= minimum ? before : prefix
}

function lastEnd(text: string, boundary: RegExp, fits: (end: number) => boolean): number | undefined {
  let best: number | undefined
  for (const match of text.matchAll(boundary)) {
    // Cut before the punctuation: the ellipsis takes its place.
    if (fits(match.index)) best = match.index
  }
  return best
}

function lastWordEnd(text: string, lang: Lang, room: number): number {
  const segmenter = new Intl.Segmenter(lang, { granularity: 'word' })
  let end = 0
  for (const { index, segment } of segmenter.segment(text)) {
    const next = index + segment.length
    if (length(clean(text.slice(0, next))) > room) break
    end = next
  }
  // A single word longer than the room is cut at a character: nothing better exists.
  return end > 0 ? end : Array.from(text).slice(0, room).join('').length
}

function clean(prefix: string): string {
  return prefix.replace(TRAILING_PUNCTUATION, '')
}

/** Length in code points, so an emoji or a rare Han character counts once. */
function length(text: string): number {
  return Array.from(text).length
}
