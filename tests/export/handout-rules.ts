import { decodeHTML } from 'entities'
import type { ReadSlide } from '../support/deck-reader.ts'
import { readHandoutPages, SAME_LINE_PT, type DrawnLine, type HandoutPage } from './handout-pages.ts'
import { readShownItems } from './shown-text.ts'
import { squash } from './read-pdf.ts'

/** How a page that carries on a slide's notes marks its title, per language (issue #21). */
export const CONTINUED = { 'zh-Hant': '（續）', en: '(continued)' } as const
/** The fewest lines of text a handout page holds, and of notes a continued page holds. */
export const MIN_LINES = 4
/** The smallest type the notes may have, in points (pdf.js reads sizes to a hundredth or so). */
export const MIN_NOTES_PT = 9
const PT_TOLERANCE = 0.05

/**
 * The most pages a slide's notes may take: the two for notes of up to
 * 1,500 characters a language; a generated slide may carry more (8 bullets of
 * ~400), so the bound grows with the deck's longest notes.
 */
export function handoutPageBound(slides: ReadSlide[]): number {
  const longest = Math.max(...slides.flatMap((slide) => Object.values(slide.notes).map((paragraphs) => paragraphs.join('').length)))
  return 2 * Math.max(1, Math.ceil(longest / 1500))
}

/** A slide title's parts, each with its language, as Slidev's parser returns them (`<span v-pre lang="…">`). */
export function titleParts(slide: ReadSlide): { lang: 'zh-Hant' | 'en'; text: string }[] {
  return [...(slide.title ?? '').matchAll(/<span v-pre lang="(zh-Hant|en)">([^<]*)<\/span>/g)].map((match) => ({
    lang: match[1] as 'zh-Hant' | 'en',
    text: decodeHTML(match[2] ?? ''),
  }))
}

/** The lines a page starts with before its notes or slide: the header, then on a continued page the title's lines. */
function headLines(page: HandoutPage, slide: ReadSlide): number {
  return 1 + (page.continued ? titleParts(slide).length : 0)
}

/** A line drawn inside the slide's picture (its baseline within the frame): the slide's text, not the page's. */
function inPicture(page: HandoutPage, line: DrawnLine): boolean {
  return page.picture !== undefined && line.y <= page.picture.top && line.y >= page.picture.bottom
}

/**
 * A page's notes, where a reader reads them: the lines below the slide's
 * picture; on a page that carries them on (no picture), the lines after its
 * header and title. Text in the picture is never the notes', even when it is
 * the same words (a short bullet is its own headline; the notes begin with the
 * slide's heading).
 */
export function notesLines(page: HandoutPage, slide: ReadSlide): DrawnLine[] {
  const below = notesBelow(page, slide)
  return page.lines.filter((line) => line.y < below)
}

/** The baseline (PDF points up from the page's bottom) the notes region of a page starts under: see `notesLines`. */
export function notesBelow(page: HandoutPage, slide: ReadSlide): number {
  if (page.picture) return page.picture.bottom
  const lastHead = page.continued ? page.lines[headLines(page, slide) - 1] : undefined
  return lastHead ? lastHead.y - SAME_LINE_PT : -Infinity
}

/**
 * A handout's pages against the handout rules of issue #21, as what is wrong,
 * in words (none when it keeps them): every page has its header; a slide's
    // A slide with no notes for the audience (the title slide: its note is the presenter's timing) is its picture alone.
    const hasNotes = slide.notes['zh-Hant'].length + slide.notes.en.length > 0
    if (page.lines.length < MIN_LINES && (hasNotes || page.continued)) problems.push(`${where}: ${page.lines.length} lines of text (at least ${MIN_LINES})`)
    const notes = notesLines(page, slide).length
 */
export function handoutProblems(pages: HandoutPage[], slides: ReadSlide[], maxPages: number, label: string): string[] {
  const problems: string[] = []
  const count = slides.length
  for (const page of pages) {
    const header = squash(page.lines[0]?.text ?? '')
    if (header !== `${page.slide}/${count}`) problems.push(`${label} page ${page.no}: header "${header}", not ${page.slide}/${count}`)
  }
  const order = pages.map((page) => page.slide)
  if (order.some((slide, i) => i > 0 && slide < order[i - 1]!)) problems.push(`${label}: pages out of slide order (${order.join(' ')})`)
  for (let no = 1; no <= count; no++) {
    const taken = order.filter((slide) => slide === no).length
    if (taken === 0) problems.push(`${label}: slide ${no} has no page`)
    if (taken > maxPages) problems.push(`${label}: slide ${no} takes ${taken} pages (at most ${maxPages})`)
  }
  for (const slide of new Set(order)) if (slide < 1 || slide > count) problems.push(`${label}: a page of slide ${slide}, of ${count}`)

  for (const page of pages) {
    const slide = slides[page.slide - 1]
    if (!slide) continue
    const where = `${label} page ${page.no} (slide ${page.slide}${page.continued ? ', continued' : ''})`
    if (!page.continued && !page.picture) problems.push(`${where}: no slide picture (no frame found)`)
    if (page.continued && page.picture) problems.push(`${where}: a slide picture on a page that carries notes on`)
    const head = squash(page.lines.slice(1, headLines(page, slide)).map((line) => line.text).join(''))
    for (const part of titleParts(slide)) {
      if (page.continued && !head.includes(squash(part.text + CONTINUED[part.lang]))) problems.push(`${where}: its title "${part.text}${CONTINUED[part.lang]}" is not at its top`)
    }
    // A slide that continues a section (issue 37) carries the mark in its own title, drawn in its picture and notes.
    const continuesSection = titleParts(slide).some((part) => /（續）|\(continued\)/.test(part.text))
    if (!page.continued && !continuesSection && /（續）|\(continued\)/.test(squash(page.lines.map((line) => line.text).join('')))) problems.push(`${where}: marked continued on a slide's first page`)
    // A slide with no notes for the audience (the title slide: its note is the presenter's timing) is its picture alone.
    const hasNotes = slide.notes['zh-Hant'].length + slide.notes.en.length > 0
    if (page.lines.length < MIN_LINES && (hasNotes || page.continued)) problems.push(`${where}: ${page.lines.length} lines of text (at least ${MIN_LINES})`)
    const notes = notesLines(page, slide).length
    if (page.continued && notes < MIN_LINES) problems.push(`${where}: ${notes} lines of notes (at least ${MIN_LINES})`)

    // Only the slide's picture may draw smaller than the notes' floor, and only inside its frame.
    for (const line of page.lines) {
      if (inPicture(page, line)) continue
      const small = line.items.filter((item) => item.size < MIN_NOTES_PT - PT_TOLERANCE)
      if (small.length > 0) problems.push(`${where}: "${small.map((item) => item.str).join('')}" drawn at ${Math.min(...small.map((item) => item.size)).toFixed(2)} pt`)
    }
  }

  // A reader reads on across a page break, in the notes region of each page.
  const read = squash(
    pages
      .flatMap((page) => (slides[page.slide - 1] ? notesLines(page, slides[page.slide - 1]!) : []))
      .map((line) => line.text)
      .join(''),
  )
  for (const [i, slide] of slides.entries()) {
    for (const paragraph of [...slide.notes['zh-Hant'], ...slide.notes.en])
      if (!read.includes(squash(paragraph))) problems.push(`${label} slide ${i + 1}: a note not drawn whole below its picture: "${paragraph.slice(0, 60)}…"`)
  }
  return problems
}

/**
 * Each handout page's text a reader sees (tests/export/shown-text.ts) in its
 * notes region: below the slide's picture, never in it; on a continued page,
 * after its header and title (known only with the deck's `slides`).
 */
export async function shownNotes(file: string, slides?: ReadSlide[]): Promise<string[]> {
  const [pages, shown] = await Promise.all([readHandoutPages(file), readShownItems(file)])
  return pages.map((page, i) => {
    const slide = slides?.[page.slide - 1]
    const below = page.picture ? page.picture.bottom : slide ? notesBelow(page, slide) : -Infinity
    return (shown[i] ?? []).filter((item) => item.y < below).map((item) => item.str).join('')
  })
}
