/**
 * The speaker's script (`npm run export -- --format script`): per slide, its notes in full in
 * large type, under a small picture of the slide, each slide starting a page. Read back from
 * the PDF: its pages, their text and the size of that text.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { main as exportMain } from '../../scripts/cli/export.ts'
import { runBuildCli } from '../support/build.ts'
import { readDeck, type ReadSlide } from '../support/deck-reader.ts'
import { projectTempDir } from '../support/tmp.ts'
import { readPdf, squash, type PdfFacts } from './read-pdf.ts'

/** Each page's text runs with their size in points (the text matrix's vertical axis). */
async function sizedRuns(file: string): Promise<{ str: string; size: number }[][]> {
  const doc = await getDocument({ data: new Uint8Array(await readFile(file)), verbosity: 0 }).promise
  try {
    const pages: { str: string; size: number }[][] = []
    for (let no = 1; no <= doc.numPages; no++) {
      const items = (await (await doc.getPage(no)).getTextContent()).items.flatMap((item) => ('str' in item ? [item] : []))
      pages.push(items.map((item) => ({ str: item.str, size: Math.hypot(item.transform[2] ?? 0, item.transform[3] ?? 0) })))
    }
    return pages
  } finally {
    await doc.destroy()
  }
}

describe('the speaker\'s script (npm run export -- --format script)', () => {
  let slides: ReadSlide[]
  let pdf: PdfFacts
  let runs: { str: string; size: number }[][]
  let printed: string[]
  beforeAll(async () => {
    const tmp = await projectTempDir('script')
    const decks = path.join(tmp, 'decks')
    expect((await runBuildCli(['--out', decks, '--minutes', '10'])).code).toBe(0)
    slides = await readDeck(await readFile(path.join(decks, 'en.md'), 'utf8'))
    printed = []
    const record = (line: string) => printed.push(line)
    const out = path.join(tmp, 'out')
    expect(await exportMain(['--decks', decks, '--deck', 'en', '--format', 'script', '--out', out], { out: record, err: record }), printed.join('\n')).toBe(0)
    pdf = await readPdf(path.join(out, 'decks-en-script.pdf'))
    runs = await sizedRuns(path.join(out, 'decks-en-script.pdf'))
  }, 600_000)

  it('writes the script alone, named after the briefing and the deck', () => {
    expect(printed.filter((line) => line.includes('wrote '))).toEqual([expect.stringContaining('decks-en-script.pdf')])
  })

  it('starts each slide on a page of its own, A4, notes running on at most two pages more', () => {
    expect(pdf.pageSizes.every((size) => Math.round(size.width) === 595 && Math.round(size.height) === 842)).toBe(true)
    const starts = slides.map((_, i) => pdf.pageTexts.findIndex((text) => squash(text).startsWith(`${i + 1}/${slides.length}`)))
    expect(starts.every((page) => page >= 0), JSON.stringify(starts)).toBe(true)
    // In order, each on a later page than the last.
    expect(starts).toEqual([...starts].sort((a, b) => a - b))
    expect(new Set(starts).size).toBe(slides.length)
    expect(pdf.pages).toBeGreaterThanOrEqual(slides.length)
    expect(pdf.pages).toBeLessThanOrEqual(3 * slides.length)
  })

  it("holds every note of every slide in full, on the slide's own pages, and the speaker's lines", () => {
    const starts = slides.map((_, i) => pdf.pageTexts.findIndex((text) => squash(text).startsWith(`${i + 1}/${slides.length}`)))
    slides.forEach((slide, i) => {
      const own = squash(pdf.pageTexts.slice(starts[i], starts[i + 1] ?? pdf.pages).join(''))
      expect(slide.notes.en.length + (i === 0 ? 1 : 0), `slide ${i + 1}`).toBeGreaterThan(0)
      for (const note of slide.notes.en) expect(own, `slide ${i + 1}: ${note.slice(0, 40)}`).toContain(squash(note))
    })
    // The presenter's lines are the speaker's: the script keeps them (the slot is given).
    expect(squash(pdf.pageTexts.join(''))).toMatch(/Thisslide:\d+:\d\d;\d+:\d\delapsedatitsend/)
  })

  it('sets the notes in large type (16 pt), the slide as a small picture (its text under 8 pt)', () => {
    const all = runs.flat()
    // Every note, whole, in the text drawn at 16 pt (give or take rounding): the large type holds them all.
    const large = squash(all.filter((run) => run.size >= 15.5 && run.size <= 16.5).map((run) => run.str).join(''))
    for (const note of slides.flatMap((slide) => slide.notes.en)) expect(large, note.slice(0, 40)).toContain(squash(note))
    // A section slide's headlines are on the picture only (the notes hold the bullets in full).
    const section = slides.findIndex((slide) => slide.bodyClicks > 0)
    const headline = slides[section]!.shown.en[1]!
    const drawn = all.filter((run) => run.str.includes(headline.slice(0, 12)))
    expect(drawn.length, headline).toBeGreaterThan(0)
    for (const run of drawn) expect(run.size, run.str).toBeLessThan(8)
  })
})
