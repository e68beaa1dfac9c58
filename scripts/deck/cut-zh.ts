import { closedAt, isOpener } from './balance.ts'
import { trimEnd, type Boundary, type Cut } from './cut.ts'
import {
  ZH_CLAUSE_STARTERS,
  ZH_FUNCTION_WORDS,
  ZH_NUMBER_UNITS,
  ZH_NUMERAL_END,
  ZH_PHRASE_STARTERS,
  ZH_RANGE_REST,
  ZH_SCALED_NUMBER_END,
  ZH_UNIT_REST,
  ZH_COUNT_END,
  ZH_COUNT_UNIT_REST,
  ZH_SPEECH_VERBS,
  ZH_SUBORDINATORS,
  ZH_NEEDS_MORE_END,
  ZH_WHOLE_WORDS,
} from './words.ts'

const SENTENCE_MARK = /[。！？!?]/
const CLAUSE_MARK = /[，；：,;:—]/
const LIST_MARK = '、'
const segmenter = new Intl.Segmenter('zh-Hant', { granularity: 'word' })
/** Characters segmented past the reach: enough for the words that straddle it to segment as in the whole text. */
const SEGMENT_MARGIN = 24

interface Segment {
  text: string
  start: number
  end: number
}

/**
 * Every place a Chinese bullet's headline could end, within `reach` UTF-16
 * units of its start: at each clause mark (cut before it) and at each word end
 * that ICU's segmenter finds.
 */
export function chineseCuts(text: string, reach: number): Cut[] {
  const segments: Segment[] = []
  // ICU segments a run of Han characters as a whole: give it the reach and some words past it, not the whole bullet.
  for (const s of segmenter.segment(text.slice(0, reach + SEGMENT_MARGIN))) {
    segments.push({ text: s.segment, start: s.index, end: s.index + s.segment.length })
    // One word past the reach, to know what follows the last cut.
    if (s.index > reach) break
  }
  const byEnd = new Map(segments.map((segment) => [segment.end, segment]))
  const closed = closedAt(text)
  const cuts: Cut[] = []
  segments.slice(0, -1).forEach((segment, i) => {
    const next = segments[i + 1]!
    const mark = segment.text
    // Only a segment of punctuation is a mark: the comma of 1,250 groups digits, it ends no clause.
    if (isPunctuation(mark) && (SENTENCE_MARK.test(mark) || CLAUSE_MARK.test(mark) || mark === LIST_MARK)) {
      const boundary: Boundary = SENTENCE_MARK.test(mark) ? 'sentence' : CLAUSE_MARK.test(mark) ? 'clause' : 'before-clause'
      cuts.push(cutAt(text, byEnd, closed, segment.start, boundary))
    } else if (isOpener(next.text[0]) || !isPunctuation(next.text)) {
      const boundary: Boundary =
        isOpener(next.text[0]) || ZH_CLAUSE_STARTERS.has(next.text)
          ? 'before-clause'
          : ZH_PHRASE_STARTERS.has(next.text)
            ? 'phrase'
            : 'word'
      cuts.push(cutAt(text, byEnd, closed, segment.end, boundary))
    }
  })
  return cuts.filter((cut) => cut.text.length > 0)
}

function cutAt(
  text: string,
  byEnd: Map<number, Segment>,
  closed: (end: number) => boolean,
  end: number,
  boundary: Boundary,
): Cut {
  const prefix = trimEnd(text.slice(0, end))
  const last = byEnd.get(prefix.length)
  const after = text.slice(prefix.length)
  // A sentence or clause the author ended may end on a particle (「…是自相矛盾的。」); a word cut may not.
  const endsOnWord =
    boundary === 'sentence' ||
    boundary === 'clause' ||
    (last !== undefined &&
      !ZH_FUNCTION_WORDS.has(last.text) &&
      !(ZH_NEEDS_MORE_END.test(last.text) && !ZH_WHOLE_WORDS.has(last.text)) &&
      // 「…的雨量」: a word before 的 or 之 is a modifier still waiting for its noun.
      !/^[的之]/.test(after))
  const sound =
    closed(prefix.length) &&
    endsOnWord &&
    // A number with its separators and unit (1,250億元, 1.2 GW), and a range (兩至三年, 2025–2027), are read whole.
    !(/\d$/.test(prefix) && (/^[\d.,]/.test(after) || ZH_NUMBER_UNITS.test(after) || /^\s?[A-Za-z%％]/.test(after))) &&
    !(ZH_SCALED_NUMBER_END.test(prefix) && ZH_UNIT_REST.test(after)) &&
    !(ZH_COUNT_END.test(prefix) && ZH_COUNT_UNIT_REST.test(after)) &&
    !(ZH_NUMERAL_END.test(prefix) && ZH_RANGE_REST.test(after)) &&
    // Inside a Chinese numeral: 百分之三|十五, 一千|二百.
    !(/[一二兩三四五六七八九十百千萬億〇零]$/u.test(prefix) && /^[一二兩三四五六七八九十百千萬億〇零]/u.test(after)) &&
    // A Latin word inside Chinese text is one word too, with its hyphens (self-sufficiency) or as a URL; trimmed
    // marks were cut off the prefix, so look after the cut.
    !(/[\p{Script=Latin}\d]$/u.test(prefix) && /^[-:/.@_%#?=&~+]+[\p{Script=Latin}\d]/u.test(after)) &&
    !(/[/.@_]$/.test(prefix) && /^[\p{Script=Latin}\d]/u.test(after))
  const complete =
    boundary === 'sentence' ||
    (boundary === 'clause' && !awaitsMainClause(prefix) && !(last !== undefined && ZH_SPEECH_VERBS.has(last.text)))
  return { text: prefix, boundary, complete, sound }
}

/** 「雖然…，」「…發現，若…，」: a Chinese subordinate clause comes before its main clause, which must follow. */
function awaitsMainClause(prefix: string): boolean {
  const clause = prefix.split(/[。！？!?；;，,：:]/).at(-1) ?? prefix
  return [...ZH_SUBORDINATORS].some((word) => clause.startsWith(word))
}

function isPunctuation(text: string): boolean {
  return /^[\p{P}\s]+$/u.test(text)
}
