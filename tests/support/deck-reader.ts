import { parse } from '@slidev/parser'
import { decodeHTML } from 'entities'
import type { Lang } from '../../scripts/brief/model.ts'

/** A slide as Slidev's own parser sees it, with its text decoded per language. */
export interface ReadSlide {
  title: string | undefined
  frontmatter: Record<string, unknown>
  content: string
  note: string
  /** Paragraphs of the note, decoded to plain text, by language. */
  notes: Record<Lang, string[]>
  /** Values of the components' text props in the body, decoded, by language. */
  shown: Record<Lang, string[]>
  /** How many `[click]` markers the note has, and how many `v-click`s the body. */
  noteClicks: number
  bodyClicks: number
  /** Images Slidev found in the body and will preload (each a request). */
  images: string[]
}

const NOTE_PARAGRAPH = /<p lang="(zh-Hant|en)">([^<]*)<\/p>/g
const PROP = /\s(zh|en)="([^"]*)"/g

/** Reads a generated deck with `@slidev/parser`, as Slidev itself will. */
export async function readDeck(markdown: string, file = 'deck.md'): Promise<ReadSlide[]> {
  const parsed = await parse(markdown, file)
  return parsed.slides.map((slide) => {
    const note = slide.note ?? ''
    const notes: Record<Lang, string[]> = { 'zh-Hant': [], en: [] }
    for (const [, lang, text] of note.matchAll(NOTE_PARAGRAPH)) notes[lang as Lang].push(decodeHTML(text ?? ''))
    const shown: Record<Lang, string[]> = { 'zh-Hant': [], en: [] }
    for (const [, prop, text] of slide.content.matchAll(PROP))
      shown[prop === 'zh' ? 'zh-Hant' : 'en'].push(decodeHTML(text ?? ''))
    return {
      title: slide.title,
      frontmatter: slide.frontmatter,
      content: slide.content,
      note,
      notes,
      shown,
      noteClicks: (note.match(/\[click\]/g) ?? []).length,
      bodyClicks: (slide.content.match(/\sv-click[\s>/]/g) ?? []).length,
      images: slide.images ?? [],
    }
  })
}
