import { closedAt, isOpener } from './balance.ts'
import { trimEnd, type Boundary, type Cut } from './cut.ts'
import {
  ABBREVIATIONS,
  CLAUSE_STARTERS,
  FUNCTION_WORDS,
  NUMBER_UNITS,
  NUMBER_WORDS,
  RANGE_LINKS,
  REDUPLICATION_LINKS,
  SUBORDINATORS,
} from './words.ts'

interface Token {
  word: string
  end: number
}

/** Closing quotes and brackets after a word's own punctuation: `risks."` ends a sentence too. */
const CLOSERS = /[”"’')\]]+$/u
const EDGE_PUNCTUATION = /^[“"‘'([]+|[”"’')\],;:.!?]+$/gu
const DASH = /^[—–-]+$/
const HYPHEN_END = /[-‐‑]$/
const CURRENCY_END = /[$€£¥]$/

/** Every place between two words of an English bullet, within `reach` UTF-16 units of its start, where its headline could end. */
export function englishCuts(text: string, reach: number): Cut[] {
  const tokens: Token[] = []
  for (const m of text.matchAll(/\S+/g)) {
    tokens.push({ word: m[0], end: m.index + m[0].length })
    // One word past the reach, to know what follows the last cut.
    if (m.index > reach) break
  }
  const closed = closedAt(text)
  return tokens.slice(0, -1).map((token, i) => {
    const following: [string, string] = [tokens[i + 1]?.word ?? '', tokens[i + 2]?.word ?? '']
    const boundary = boundaryAfter(token.word, following, tokens[i - 1]?.word ?? '')
    let prefix = trimEnd(text.slice(0, token.end))
    if (boundary === 'sentence') prefix = prefix.replace(/\.$/, '')
    // A sentence the author ended may end on any word ("… what it stood for.").
    const sound = closed(prefix.length) && (boundary === 'sentence' || canEndOn(token.word, following))
    const complete =
      boundary === 'sentence' ||
      (boundary === 'clause' && !awaitsMainClause(prefix, token.word) && !opensApposition(token.word, following[0]))
    return { text: prefix, boundary, complete, sound }
  })
}

function bare(word: string): string {
  return word.replace(EDGE_PUNCTUATION, '').toLowerCase()
}

function boundaryAfter(word: string, following: string[], previous: string): Boundary {
  const [next = '', afterNext = ''] = following
  const punctuated = word.replace(CLOSERS, '')
  if (/[!?]$/.test(punctuated) || (/\.$/.test(punctuated) && !isAbbreviation(punctuated))) {
    if (/^[\p{Lu}\d“"‘'(]/u.test(next)) return 'sentence'
  }
  if (/[;:]$/.test(punctuated) || DASH.test(next) || /[—–]$/.test(word)) return 'clause'
  if (/,$/.test(punctuated)) return isListComma(next, afterNext) ? 'word' : 'clause'
  if (isOpener(Array.from(next)[0])) return 'before-clause'
  // `safety, pricing and reliability targets`: this `and` ends a list, not a phrase.
  if (['and', 'or'].includes(bare(next)) && /,$/.test(previous)) return 'word'
  if (CLAUSE_STARTERS.has(bare(next))) return 'before-clause'
  if (FUNCTION_WORDS.has(bare(next))) return 'phrase'
  return 'word'
}

/** `its foreign, economic and technology policies`: a comma between one-word items joins a list, it ends no clause. */
function isListComma(next: string, afterNext: string): boolean {
  return /,$/.test(next) || ['and', 'or'].includes(bare(afterNext))
}

/** A period inside the word (`U.S.`) or after a known abbreviation (`No.`) ends no sentence. */
function isAbbreviation(word: string): boolean {
  const stem = word.replace(/\.$/, '')
  return stem.includes('.') || ABBREVIATIONS.has(stem.toLowerCase()) || /^\p{Lu}$/u.test(stem)
}

/**
 * The rules on the last word: no function word, possessive, hyphen, currency sign, number before its unit,
 * first end of a range ("one to two years") or first half of a reduplication ("year by year").
 */
function canEndOn(word: string, [next, afterNext]: [string, string]): boolean {
  const last = bare(word)
  if (FUNCTION_WORDS.has(last)) return false
  if (/['’]s$|s['’]$/.test(word.replace(/[,;:.!?]+$/, ''))) return false
  if (HYPHEN_END.test(word) || CURRENCY_END.test(word)) return false
  // Punctuation after the word ends the number or the phrase: "by 2027, the …" may end there.
  if (/[,;:.!?)\]”"’']$/.test(word)) return true
  const isNumber = (w: string) => /^[$€£¥]?\d/.test(w) || /\d%?$/.test(w) || NUMBER_WORDS.has(bare(w))
  if (isNumber(last) && (/^\d/.test(next) || NUMBER_UNITS.has(bare(next)))) return false
  if (isNumber(last) && RANGE_LINKS.has(bare(next)) && isNumber(afterNext)) return false
  if (REDUPLICATION_LINKS.has(bare(next)) && bare(afterNext) === last) return false
  // "keeping two | reservoirs", "12 million | doses": a count is read with what it counts.
  if (isNumber(last) && !/[$€£¥%]/.test(word) && !/^(?:1[89]|20)\d\d$/.test(last) && /^[a-z]/.test(next) && !FUNCTION_WORDS.has(bare(next))) return false
  return true
}

/** `Although X, …`: a clause opened by a subordinator needs the main clause after its comma. */
function awaitsMainClause(prefix: string, word: string): boolean {
  if (!/,[”"’')\]]*$/.test(word)) return false
  const sentence = prefix.split(/[.!?;:]\s+/).at(-1) ?? prefix
  // Only the subordinate clause's own comma: after it, the main clause has begun.
  return SUBORDINATORS.has(bare(sentence.split(/\s+/)[0] ?? '')) && !sentence.includes(',')
}

/** `The interconnector, a high-voltage link, …`: a comma before an article opens an apposition; the clause goes on. */
function opensApposition(word: string, next: string): boolean {
  return /,$/.test(word) && ['a', 'an', 'the'].includes(bare(next))
}
