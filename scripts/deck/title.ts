import path from 'node:path'
import type { Bilingual, Lang } from '../brief/model.ts'
import type { Cut } from './cut.ts'
import { compressions } from './compress.ts'
import { keyFigure } from './figures.ts'
import { HEADLINE_LIMIT, chooseAgreeing, cutsOf, deriveHeadlines, length, type Candidate } from './headline.ts'

/** Boundaries after which the lede's opening words read as a phrase of their own. */
const PHRASE_ENDS = new Set<Cut['boundary']>(['sentence', 'clause', 'before-clause', 'phrase'])
/** A title shorter than this names nothing: "Beijing puts" is no title. */
const TITLE_MIN: Record<Lang, (text: string) => boolean> = {
  en: (text) => text.split(/\s+/).length >= 3,
  'zh-Hant': (text) => length(text) >= 6,
}
const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with'])

/** The title and bottom-line headline of a deck, in both languages. */
export interface LedeLines {
  title: Bilingual<string>
  bottomLine: Bilingual<string>
}

/**
 * The title slide must not repeat the bottom line. The bottom line is the
 * lede's headline (passing over one that would repeat an authored title); a
 * title the author left out is the lede's opening phrase, the shortest that
 * ends at a sentence, clause or phrase boundary, says something and is not
 * the bottom line (else the brief's file name turned into words). Both
 * languages' titles, and both bottom lines, carry the same figures (see
 * `chooseAgreeing`).
 */
export function deriveLedeLines(lede: Bilingual<string>, source: string, authoredTitle: { [L in Lang]?: string | undefined } = {}): LedeLines {
  const titles = (avoid: { [L in Lang]?: string | undefined }) => {
    const options = (lang: Lang): Candidate[] => {
      const authored = authoredTitle[lang]
      if (authored !== undefined) return [{ text: authored, sound: true }]
      const named = nameTitle(source, lang)
      // The opening of the lede as a sub-editor would have it: without who said it, or when.
      const opening = compressions(lede[lang], lang).at(-1) ?? lede[lang]
      const differs = (text: string) => avoid[lang] === undefined || text !== withoutEllipsis(avoid[lang])
      const fallback = avoid[lang] === undefined ? [] : [withoutEllipsis(avoid[lang])]
      return [...openings(opening, lang).filter(differs), ...(named ? [named] : []), ...fallback].map((text) => ({ text, sound: true }))
    }
    const zh = options('zh-Hant')
    const en = options('en')
    return zh.length > 0 && en.length > 0 ? chooseAgreeing(lede, { 'zh-Hant': zh, en }, false) : undefined
  }
  // A lede that states a figure: its headline, the figure kept, is the bottom line, and the title the shortest
  // phrase that is not it. Else the title is the opening phrase and the bottom line goes on from it.
  const figure = keyFigure(lede['zh-Hant'], 'zh-Hant') && keyFigure(lede.en, 'en')
  const first = figure ? undefined : titles({})
  const bottomLine = deriveHeadlines(lede, first ?? authoredTitle)
  return { title: first ?? titles(bottomLine)!, bottomLine }
}

/** The lede's opening phrases that could be its title, shortest first. */
function openings(lede: string, lang: Lang): string[] {
  const limit = HEADLINE_LIMIT[lang]
  const whole = cutsOf(lede, lang)
    .filter((c) => c.sound && TITLE_MIN[lang](c.text) && length(c.text) <= limit)
    // A title has no `…` to say it goes on: it never stops before the of-phrase or 的 that completes its last noun.
    .filter((c) => !(lang === 'en' ? /^\s+of\b/i : /^[的之]/u).test(lede.slice(c.text.length)))
    .sort((a, b) => length(a.text) - length(b.text))
  // Phrases first; a shorter run of words only when no phrase will do.
  return [...whole.filter((c) => PHRASE_ENDS.has(c.boundary)), ...whole.filter((c) => !PHRASE_ENDS.has(c.boundary))].map((c) => c.text)
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

function withoutEllipsis(text: string): string {
  return text.replace(/…$/, '')
}
