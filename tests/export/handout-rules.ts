import { decodeHTML } from 'entities'
import { expect } from 'vitest'
import type { ReadSlide } from '../support/deck-reader.ts'
import type { HandoutPage } from './handout-pages.ts'
import { squash } from './read-pdf.ts'

/** How a page that carries on a slide's notes marks its title, per language (issue #21). */
export const CONTINUED = { 'zh-Hant': '（續）', en: '(continued)' } as const
/** The fewest lines of text a handout page holds, and of notes a continued page holds. */
export const MIN_LINES = 4
/** The smallest type the notes may have, in points (pdf.js reads sizes to a hundredth or so). */
export const MIN_NOTES_PT = 9
const PT_TOLERANCE = 0.05

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

/**
 * A handout's pages against the handout rules of issue #21: every page has
 * its header; a slide's pages follow each other, at most `maxPages` of them;
 * a continued page repeats the title marked continued; no page holds fewer
 * than 4 lines, nor a continued page fewer than 4 lines of notes; nothing
 * drawn under 9 pt but the slide's picture (text of the slide PDF's page);
 * and every note paragraph is drawn whole, read across page breaks.
 */
export function expectHandoutRules(pages: HandoutPage[], slides: ReadSlide[], slidePages: string[], maxPages: number, label: string): void {
  const count = slides.length
  for (const page of pages) {
    expect(squash(page.lines[0]?.text ?? ''), `${label} page ${page.no}: its header`).toBe(`${page.slide}/${count}`)
  }
  const order = pages.map((page) => page.slide)
  expect(order, `${label}: the slide of each page`).toEqual([...order].sort((a, b) => a - b))
  expect(new Set(order), `${label}: every slide has a page`).toEqual(new Set(slides.map((_, i) => i + 1)))
  for (let no = 1; no <= count; no++) {
    expect(order.filter((slide) => slide === no).length, `${label}: pages of slide ${no}`).toBeLessThanOrEqual(maxPages)
  }

  for (const page of pages) {
    const slide = slides[page.slide - 1]!
    const where = `${label} page ${page.no} (slide ${page.slide}${page.continued ? ', continued' : ''})`
    const head = squash(page.lines.slice(1, headLines(page, slide)).map((line) => line.text).join(''))
    for (const part of titleParts(slide)) {
      if (page.continued) expect(head, `${where}: its title`).toContain(squash(part.text + CONTINUED[part.lang]))
    }
    if (!page.continued) expect(squash(page.lines.map((line) => line.text).join('')), where).not.toMatch(/（續）|\(continued\)/)
    expect(page.lines.length, `${where}: lines of text`).toBeGreaterThanOrEqual(MIN_LINES)
    if (page.continued) expect(page.lines.length - headLines(page, slide), `${where}: lines of notes`).toBeGreaterThanOrEqual(MIN_LINES)

    // Only the slide's picture may draw smaller than the notes' floor: a line's small runs, together, are text of the slide.
    const picture = squash(slidePages[page.slide - 1] ?? '')
    for (const line of page.lines) {
      const small = line.items.filter((item) => item.size < MIN_NOTES_PT - PT_TOLERANCE)
      if (small.length === 0) continue
      const text = small.map((item) => item.str).join('')
      expect(picture, `${where}: "${text}" drawn at ${Math.min(...small.map((item) => item.size)).toFixed(2)} pt`).toContain(squash(text))
    }
  }

  // A reader reads on across a page break; the continued page's header and title are not the notes'.
  const read = squash(pages.flatMap((page) => page.lines.slice(page.continued ? headLines(page, slides[page.slide - 1]!) : 0)).map((line) => line.text).join(''))
  for (const [i, slide] of slides.entries()) {
    for (const paragraph of [...slide.notes['zh-Hant'], ...slide.notes.en]) expect(read, `${label} slide ${i + 1}: a note drawn whole`).toContain(squash(paragraph))
  }
}
