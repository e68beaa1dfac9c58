import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { Browser } from 'playwright-chromium'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../../scripts/browser/find.ts'
import type { ExportDeck } from '../../scripts/export/deck.ts'
import { printHandout } from '../../scripts/export/handout-page.ts'
import { renderHandout } from '../../scripts/export/handout-html.ts'
import { openSlidesPage } from '../../scripts/export/slides-page.ts'
import { makePrintSite, type PrintSite } from '../../scripts/print/print-site.ts'
import { DEFAULT_DECKS } from '../../scripts/project.ts'
import { englishText } from '../fixtures/long-notes.ts'
import { projectTempDir } from '../support/tmp.ts'
import { readHandoutPages, type HandoutPage } from './handout-pages.ts'
import { squash } from './read-pdf.ts'

/** A4 in PDF points (210 × 297 mm); Chromium rounds the page to whole CSS pixels, within a point. */
const A4 = { width: 595.28, height: 841.89 }

function deckOf(count: number): ExportDeck {
  return {
    name: 'en',
    file: path.join(DEFAULT_DECKS, 'en.md'),
    lang: 'en',
    title: [{ lang: 'en', text: 'Title' }],
    width: 980,
    height: 552,
    fonts: { sans: [], serif: [], mono: [] },
    slides: Array.from({ length: count }, (_, i) => ({
      no: i + 1,
      title: [{ lang: 'en', text: `Slide ${i + 1}` }],
      notes: [{ lang: 'en', text: `Note ${i + 1}` }],
      body: [],
      content: `<DeckBottomLine en="Headline ${i + 1}" en-label="Bottom line" />`,
    })),
  }
}

/**
 * Slides whose notes run from a little less than a page holds beside the
 * slide to some eight lines more, half a line longer each: whatever a page
 * holds, some slide's notes run over by one, two or three lines.
 */
function sweepDeck(): ExportDeck {
  const slides = Array.from({ length: 24 }, (_, i) => ({
    no: i + 1,
    title: [{ lang: 'en', text: `Sweep ${i + 1}` }],
    notes: [{ lang: 'en', text: englishText(i, 2600 + i * 55) }],
    body: [],
    content: `<DeckBottomLine en="Headline ${i + 1}" en-label="Bottom line" />`,
  }))
  return { ...deckOf(0), name: 'sweep', slides }
}

let browser: Browser
let site: PrintSite
const deck = deckOf(2)
const sweep = sweepDeck()

beforeAll(async () => {
  browser = await launchBrowser()
  site = await makePrintSite([
    { name: 'en', deck, alsoDrawn: renderHandout(deck) },
    { name: 'sweep', deck: sweep, alsoDrawn: renderHandout(sweep) },
  ])
}, 120_000)
afterAll(async () => {
  await browser?.close()
})

describe('the handout page', () => {
  it('prints one A4 page per slide, the slide above its notes', async () => {
    const slides = await openSlidesPage(browser, site, '/en.html', deck)
    let pdf: Buffer
    try {
      pdf = await printHandout(slides, deck)
    } finally {
      await slides.close()
    }
    const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise
    try {
      expect(doc.numPages).toBe(2)
      for (let no = 1; no <= doc.numPages; no++) {
        const page = await doc.getPage(no)
        const [, , width = 0, height = 0] = page.view
        expect(Math.abs(width - A4.width), `page ${no} width ${width}`).toBeLessThan(1)
        expect(Math.abs(height - A4.height), `page ${no} height ${height}`).toBeLessThan(1)
        const text = (await page.getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ')
        for (const expected of [`Slide ${no}`, `Headline ${no}`, `Note ${no}`]) expect(text).toContain(expected)
        expect(text).not.toContain(`Headline ${3 - no}`)
      }
    } finally {
      await doc.destroy()
    }
  }, 120_000)

  it('fails, rather than print a page without its slide, when the page lacks a slide', async () => {
    const slides = await openSlidesPage(browser, site, '/en.html', deck)
    try {
      await expect(printHandout(slides, deckOf(3))).rejects.toThrow(/3 slide frames for 2 slides/)
    } finally {
      await slides.close()
    }
  }, 120_000)

  it('never carries a line or two of notes on alone: a continued page holds 4 lines of notes or more, at any sizes', async () => {
    // At one size (no shrinking), so that notes run over by every number of lines.
    const slides = await openSlidesPage(browser, site, '/sweep.html', sweep)
    let pdf: Buffer
    try {
      pdf = await printHandout(slides, sweep, { pictureSteps: [1], notesPtSteps: [10], minLines: 4 })
    } finally {
      await slides.close()
    }
    const file = path.join(await projectTempDir('handout-sweep'), 'sweep-handout.pdf')
    await writeFile(file, pdf)
    const pages = await readHandoutPages(file)
    const continued = pages.filter((page) => page.continued)
    expect(continued.length).toBeGreaterThan(0)
    expect(pages.filter((page) => !page.continued).map((page) => page.slide)).toEqual(sweep.slides.map((slide) => slide.no))
    for (const page of continued) {
      // The header, the title marked continued, then the notes.
      expect(page.lines[1]?.text, `page ${page.no}`).toBe(`Sweep ${page.slide} (continued)`)
      expect(page.lines.length - 2, `page ${page.no} (slide ${page.slide}): lines of notes`).toBeGreaterThanOrEqual(4)
    }
    // Read across the page breaks, below each slide's picture and past each continued page's header and title: every note whole.
    const notes = (page: HandoutPage) => (page.picture ? page.lines.filter((line) => line.y < page.picture!.bottom) : page.lines.slice(page.continued ? 2 : 0))
    const read = squash(pages.flatMap(notes).map((line) => line.text).join(''))
    for (const slide of sweep.slides) expect(read, `slide ${slide.no}`).toContain(squash(slide.notes[0]!.text))
  }, 300_000)
})
