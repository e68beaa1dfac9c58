import path from 'node:path'
import type { Lang } from '../brief/model.ts'
import type { Cut } from './cut.ts'
import { HEADLINE_LIMIT, chooseCut, cutsOf, deriveHeadline, length, shown } from './headline.ts'

/** Boundaries after which the lede's opening words read as a phrase of their own. */
const PHRASE_ENDS = new Set<Cut['boundary']>(['sentence', 'clause', 'before-clause', 'phrase'])
/** A title shorter than this names nothing: "Beijing puts" is no title. */
const TITLE_MIN: Record<Lang, (text: string) => boolean> = {
  en: (text) => text.split(/\s+/).length >= 3,
  'zh-Hant': (text) => length(text) >= 6,
}
const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with'])

/** The derived title and bottom-line headline of a deck whose author wrote neither. */
export interface LedeLines {
  title: string
  bottomLine: string
}

/**
 * The title slide must not repeat the bottom line. The title is the lede's
 * opening phrase, the shortest that ends at a sentence, clause or phrase
 * boundary and says something; the bottom line is the lede's headline. When
 * both would be the same words, the bottom line takes the next longer cut;
 * when the lede offers no other cut, the title is the brief's file name turned
 * into words ("north-sea-grid.txt" → "North Sea Grid").
 */
export function deriveLedeLines(lede: string, lang: Lang, source: string): LedeLines {
  const limit = HEADLINE_LIMIT[lang]
  const bottomLine = deriveHeadline(lede, lang)
  const cuts = cutsOf(lede, lang)
  const opening = cuts
    .filter((c) => c.sound && PHRASE_ENDS.has(c.boundary) && TITLE_MIN[lang](c.text) && length(c.text) <= limit)
    .sort((a, b) => length(a.text) - length(b.text))[0]?.text
  if (opening === undefined) return { title: differentFrom(nameTitle(source, lang), bottomLine), bottomLine }
  if (opening !== withoutEllipsis(bottomLine)) return { title: opening, bottomLine }
  const longer = chooseCut(cuts, limit, length(opening) + 1)
  if (longer && length(longer.text) > length(opening)) return { title: opening, bottomLine: shown(longer) }
  return { title: differentFrom(nameTitle(source, lang), bottomLine), bottomLine }
}

/** A file name as words, in the language it is written in: Latin names for English, Han names for Chinese. */
export function nameTitle(source: string, lang: Lang): string | undefined {
  const words = path.basename(source).replace(/\.[^.]*$/, '').split(/[-_.\s]+/).filter(Boolean)
  const han = words.some((word) => /\p{Script=Han}/u.test(word))
  if (lang === 'zh-Hant') return han ? words.join('') : undefined
  if (han || words.length < 2 || !words.every((word) => /^[\p{Script=Latin}\d]+$/u.test(word))) return undefined
  return words
    .map((word, i) => (i > 0 && SMALL_WORDS.has(word.toLowerCase()) ? word.toLowerCase() : word[0]!.toUpperCase() + word.slice(1)))
    .join(' ')
}

/** The candidate title, or the bottom line itself when nothing else exists (a lede of a few words). */
function differentFrom(candidate: string | undefined, bottomLine: string): string {
  return candidate ?? withoutEllipsis(bottomLine)
}

function withoutEllipsis(text: string): string {
  return text.replace(/…$/, '')
}
