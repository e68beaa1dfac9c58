/**
 * A section too long for one slide at the projection sizes goes on over the
 * next (issue 37, point 2): the exports follow the decks — the slide PDF
 * draws every continued slide with its marked heading, the handout gives it
 * its page and title, the PPTX its slide, title, clicks and notes, every run
 * at the projection sizes.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { VARIANTS, type Variant } from '../../scripts/deck/variant.ts'
import { exportDecks } from '../../scripts/export/export-decks.ts'
import { buildBrief, deckFile, type BuiltDecks } from '../browser/fixture.ts'
import { readDeck, type ReadSlide } from '../support/deck-reader.ts'
import { generateBrief } from '../support/generate-brief.ts'
import { handoutPdfProblems, pptxProblems, slidePdfProblems } from '../support/output-checks.ts'
import { projectTempDir } from '../support/tmp.ts'
import { titleParts } from './handout-rules.ts'
import { readPdf } from './read-pdf.ts'
import { readPptxSlides } from './read-pptx-slides.ts'
import { readShownText } from './shown-text.ts'

/** Written here, not taken from the code: how a continued slide's heading is marked. */
const MARK: Record<'zh-Hant' | 'en', string> = { 'zh-Hant': '（續）', en: ' (continued)' }
const MARKS: Record<Variant, string[]> = { 'zh-Hant': [MARK['zh-Hant']], en: [MARK.en], bilingual: [MARK['zh-Hant'], MARK.en] }

/** One section of twelve bullets, some long: more than one slide holds at 24 pt. */
const BRIEF = generateBrief(103, { sections: 1, points: 12 })

describe('a section of twelve bullets, exported', () => {
  let decks: BuiltDecks
  let out: string
  const slides = {} as Record<Variant, ReadSlide[]>

  beforeAll(async () => {
    decks = await buildBrief('continued-export', BRIEF.text)
    for (const variant of VARIANTS) slides[variant] = await readDeck(await readFile(deckFile(decks.dir, variant), 'utf8'))
    out = await projectTempDir('continued-exports')
    await exportDecks({ briefing: 'long', decks: VARIANTS.map((variant) => deckFile(decks.dir, variant)), formats: ['pdf', 'handout', 'pptx'], out, noCache: true })
  }, 600_000)

  it('is split over slides in every deck, each after the first titled continued, the same slides in all three', () => {
    const counts = VARIANTS.map((variant) => slides[variant].length)
    expect(new Set(counts).size).toBe(1)
    for (const variant of VARIANTS) {
      const title = (slide: ReadSlide) => titleParts(slide).map((part) => part.text).join(' ')
      const continued = slides[variant].filter((slide) => MARKS[variant].every((mark) => title(slide).includes(mark.trim())))
      expect(continued.length, variant).toBe(slides[variant].length - 3)
      expect(continued.length, variant).toBeGreaterThan(0)
    }
  })

  it.each(VARIANTS)('%s slide PDF: a page a slide, each continued slide drawn with its marked heading and its headlines', async (variant) => {
    const file = path.join(out, `long-${variant}.pdf`)
    // Title, bottom line, the section's first slide, and the slides that continue it.
    expect(slides[variant].length).toBeGreaterThan(3)
    expect(await slidePdfProblems(file, slides[variant])).toEqual([])
    expect((await readPdf(file)).pages).toBe(slides[variant].length)
    const shown = await readShownText(file)
    for (let i = 3; i < slides[variant].length; i++)
      for (const mark of MARKS[variant]) expect(shown[i]?.replace(/\s+/g, ''), `page ${i + 1}`).toContain(mark.replace(/\s+/g, ''))
  })

  it.each(VARIANTS)('%s handout: every slide, the continued ones too, on its headed and titled pages, its notes whole', async (variant) => {
    expect(slides[variant].length).toBeGreaterThan(3)
    expect(await handoutPdfProblems(path.join(out, `long-${variant}-handout.pdf`), slides[variant], variant)).toEqual([])
  })

  it.each(VARIANTS)('%s PPTX: a slide a slide, continued ones titled so, each with its own clicks and notes, every run at the projection sizes', async (variant) => {
    const file = path.join(out, `long-${variant}.pptx`)
    expect(await pptxProblems(file, slides[variant])).toEqual([])
    const pptx = await readPptxSlides(new Uint8Array(await readFile(file)))
    pptx.slides.forEach((slide, i) => {
      const title = slide.shapes.find((shape) => shape.placeholder === 'title')?.runs.map((run) => run.text).join('') ?? ''
      for (const mark of MARKS[variant]) expect(title.includes(mark.trim()), `slide ${i + 1}: ${title}`).toBe(i > 2)
      // Its clicks are its own bullets: as many as the deck slide has.
      expect(slide.clicks, `slide ${i + 1}`).toHaveLength(slides[variant][i]!.bodyClicks)
    })
  })
})
