import type { Lang, SourceText } from '../brief/model.ts'
import type { Headlined } from './content.ts'
import { escapeNote } from './escape.ts'
import { labels } from './labels.ts'

/**
 * Speaker notes are HTML blocks, one per line: markdown-it passes them
 * through untouched, so it never reads the brief's text, and each paragraph
 * carries its language.
 */
export function noteParagraph(text: string, lang: Lang): string {
  return `<p lang="${lang}">${escapeNote(text)}</p>`
}

/** A point's notes, opened by the click marker that reveals its headline on the slide. */
export function noteClick(point: Headlined, langs: Lang[]): string {
  const paragraphs = langs.map((lang) => noteParagraph(point.detail[lang].text, lang)).join('')
  return `<div class="deck-note-point">[click]${paragraphs}</div>`
}

/** The line range of some texts of the brief: `3` or `3–7`. */
export function lineRange(texts: readonly SourceText[]): string {
  const lines = texts.map((text) => text.position.line)
  const first = Math.min(...lines)
  const last = Math.max(...lines)
  return first === last ? `${first}` : `${first}–${last}`
}

/** The small last line of a note: the brief's file and the lines this slide's text comes from. */
export function sourceNote(file: string, ranges: string[], lang: Lang): string {
  const text = labels.source[lang](file, ranges)
  return `<p class="deck-note-source" lang="${lang}">${escapeNote(text)}</p>`
}

/**
 * The title slide's note: what the notes take to say, and the slot. Marked as
 * the presenter's, like the time and source lines, so that a handout for the
 * audience leaves it out (scripts/export/deck.ts).
 */
export function planNote(text: string, lang: Lang): string {
  return `<p class="deck-note-plan" lang="${lang}">${escapeNote(text)}</p>`
}

/** A small line of a note, before the source line: the slide's time budget. */
export function timeNote(text: string, lang: Lang): string {
  return `<p class="deck-note-time" lang="${lang}">${escapeNote(text)}</p>`
}
