import path from 'node:path'
import { isScheme, type Scheme } from '../deck/scheme.ts'
import { parse, resolveConfig } from '@slidev/parser'
import { decodeHTML } from 'entities'
import type { FontFamilies } from '../print/print-css.ts'
import { bodyInLanguage, readBody, type BodyTag } from './deck-body.ts'

/** A run of text in one language (`lang` is absent where the markup names none). */
export interface LangText {
  lang?: string
  text: string
  /** A line for the presenter only (the slot and speaking time, a slide's budget, its source lines). */
  speaker?: true
}

/** What exporting needs to know of one slide. */
export interface ExportSlide {
  /** 1-based, as Slidev numbers slides. */
  no: number
  /** The slide's `title`, one part per language; empty when the slide has none. */
  title: LangText[]
  /** The speaker notes as paragraphs of plain text, in order. */
  notes: LangText[]
  /** The deck's components on the slide, with their text. */
  body: BodyTag[]
  /** The slide's markup as written (a template of the deck's components), for the print page. */
  content: string
}

/** What exporting needs to know of one deck, read with Slidev's own parser. */
export interface ExportDeck {
  /** The file name without `.md`: `zh-Hant`, `en`, `bilingual`. */
  name: string
  file: string
  /** The headmatter `lang` (`<html lang>`), which becomes the PDF's `/Lang`. */
  lang: string
  title: LangText[]
  /** The slide canvas in CSS pixels. */
  width: number
  height: number
  slides: ExportSlide[]
  /** The font stacks Slidev's config gives the deck (UnoCSS's `font-sans`…). */
  fonts: FontFamilies
  /** The slides' colours, as the build wrote them (`briefdeck: scheme`): light when left out. */
  scheme?: Scheme
}

/** Separator between the languages of a bilingual title, as the decks write it. */
export const TITLE_SEPARATOR = ' · '

const TAG = /<[^>]*>/g
/** A paragraph-like element that names its language: how the decks write titles and notes. */
const LANG_ELEMENT = /<(p|span|div)\b([^>]*)\blang="([^"]+)"[^>]*>([\s\S]*?)<\/\1>/g
/** The classes the decks give the presenter's lines of a note (scripts/deck/notes.ts). */
const SPEAKER_LINE = /\bclass="deck-note-(?:plan|time|source)"/
/** Slidev's click markers in notes: `[click]`, `[click:3]`. Brief text never contains them raw. */
const CLICK_MARKER = /\[click(?::\d+)?\]/g

/** Reads a deck's markdown into the slides, titles and notes an export shows. */
export async function readDeck(markdown: string, file: string): Promise<ExportDeck> {
  const parsed = await parse(markdown, file)
  const headmatter = parsed.slides[0]?.frontmatter ?? {}
  const config = resolveConfig(headmatter)
  const slides = parsed.slides.map((slide, i) => ({
    no: i + 1,
    title: htmlToLangTexts(slide.title ?? ''),
    notes: htmlToLangTexts(slide.note ?? ''),
    body: readBody(slide.content),
    content: slide.content,
  }))
  return {
    name: path.basename(file, '.md'),
    file,
    lang: typeof headmatter.lang === 'string' ? headmatter.lang : 'en',
    title: slides[0]?.title ?? [],
    width: config.canvasWidth,
    // Rounded up, as Slidev sizes the slide and its print page.
    height: Math.ceil(config.canvasWidth / config.aspectRatio),
    slides,
    fonts: { sans: config.fonts.sans, serif: config.fonts.serif, mono: config.fonts.mono },
    scheme: isScheme((headmatter.briefdeck as { scheme?: unknown } | undefined)?.scheme) ? (headmatter.briefdeck as { scheme: Scheme }).scheme : 'light',
  }
}

/**
 * The text of markup as the decks write it: each element with a `lang` is
 * one part; markup without any is one part of its whole text. Entities are
 * decoded, so the text is what the reader sees.
 */
export function htmlToLangTexts(html: string): LangText[] {
  const parts = [...html.matchAll(LANG_ELEMENT)].map(([, , before, lang, inner]): LangText => ({
    lang: lang ?? '',
    text: plainText(inner ?? ''),
    ...(SPEAKER_LINE.test(before ?? '') ? { speaker: true as const } : {}),
  }))
  if (parts.length > 0) return parts.filter((part) => part.text !== '')
  const text = plainText(html)
  return text === '' ? [] : [{ text }]
}

/** One line for a title or outline entry: the languages joined as the decks join them. */
export function joinTitle(parts: LangText[]): string {
  return parts.map((part) => part.text).join(TITLE_SEPARATOR)
}

function plainText(html: string): string {
  return decodeHTML(html.replace(CLICK_MARKER, '').replace(TAG, '')).trim()
}

/**
 * The deck as its audience's handout shows it: each slide's notes without the
 * presenter's lines (the slot and speaking time, each slide's budget, the
 * brief's file and lines), which `--speaker` keeps.
 */
export function forAudience(deck: ExportDeck): ExportDeck {
  return { ...deck, slides: deck.slides.map((slide) => ({ ...slide, notes: slide.notes.filter((note) => !note.speaker) })) }
}

/**
 * The bilingual deck as exported in one language (`--show`): titles and
 * notes of that language only, the PDF tagged with it, and its own file names.
 */
export function showOnly(deck: ExportDeck, lang: string): ExportDeck {
  const keep = (texts: LangText[]) => texts.filter((text) => text.lang === undefined || text.lang === lang)
  return {
    ...deck,
    name: `${deck.name}-${lang}`,
    lang,
    title: keep(deck.title),
    slides: deck.slides.map((slide) => ({
      ...slide,
      title: keep(slide.title),
      notes: keep(slide.notes),
      body: bodyInLanguage(slide.body, lang),
    })),
  }
}
