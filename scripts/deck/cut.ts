/**
 * Where a headline may end, from strongest to weakest: the end of a sentence;
 * the end of a clause (a clause mark); before a clause, a coordination or an
 * aside; before a function word, so a phrase is complete; any other word end.
 */
export type Boundary = 'sentence' | 'clause' | 'before-clause' | 'phrase' | 'word'

/** One place a bullet could be cut for its headline. */
export interface Cut {
  /** The text before the cut, without the punctuation that ended it. */
  text: string
  boundary: Boundary
  /** The text ends a clause that stands alone: shown without an ellipsis. */
  complete: boolean
  /** Ending here breaks no rule: not on a function word, not inside a quotation, bracket, hyphenated word or number. */
  sound: boolean
}

/** Trailing spaces and clause punctuation: the headline ends on the word before them. */
const TRAILING = /[\s，、；：。！？,;:!?—–-]+$/u

export function trimEnd(text: string): string {
  return text.replace(TRAILING, '')
}
