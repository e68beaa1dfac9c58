/**
 * Slides that read from the back of the room (issue 37, points 1–3), on the
 * shipped brief and on a corpus of generated briefs: every deck built, each
 * slide drawn in Chromium as the export draws it (the print page: the decks'
 * own components, styles and fitting, scripts/print/), and every text's size
 * read as points on a 13.33 in slide. One browser, one tab, every deck.
 */
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Browser } from 'playwright-chromium'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../../scripts/browser/find.ts'
import { VARIANTS, type Variant } from '../../scripts/deck/variant.ts'
import { readDeck as readExportDeck, type ExportDeck } from '../../scripts/export/deck.ts'
import { openPrintTab, showSlides, type PrintTab } from '../../scripts/export/slides-page.ts'
import { makePrintSite } from '../../scripts/print/print-site.ts'
import { buildDecks } from '../../scripts/pipeline.ts'
import { DEFAULT_BRIEF, addonPathFor, existingExtras } from '../../scripts/project.ts'
import { measureSlide, readSizes, type FitReport, type SlideSizes } from '../browser/probes.ts'
import { readBriefText } from '../support/brief-oracle.ts'
import { deckProblems } from '../support/deck-checks.ts'
import { readDeck, type ReadSlide } from '../support/deck-reader.ts'
import { generateBrief } from '../support/generate-brief.ts'
import { medianSectionReach, sizeProblems } from '../support/output-checks.ts'
import { projectTempDir } from '../support/tmp.ts'

interface Brief {
  name: string
  text: string
  extras?: string
}

/**
 * 28 generated briefs as drawn (1–8 sections of 1–8 bullets, bullets up to ~400 characters),
 * and three drawn to the edges: every section a single bullet, every section eight, and one
 * section of twelve long bullets.
 */
function corpus(): Brief[] {
  const drawn = Array.from({ length: 28 }, (_, i) => ({ name: `seed-${i + 1}`, text: generateBrief(i + 1).text }))
  return [
    ...drawn,
    { name: 'ones', text: generateBrief(101, { sections: 4, points: 1 }).text },
    { name: 'eights', text: generateBrief(102, { sections: 3, points: 8 }).text },
    { name: 'twelve', text: generateBrief(103, { sections: 1, points: 12 }).text },
  ]
}

interface Measured {
  slides: (SlideSizes | 'missing')[]
  fits: (FitReport | 'missing')[]
}

let browser: Browser | undefined
let tab: PrintTab | undefined
const briefs: Brief[] = []
const read: Record<string, Record<Variant, ReadSlide[]>> = {}
const measured: Record<string, Measured> = {}

beforeAll(async () => {
  const shippedExtras = existingExtras(DEFAULT_BRIEF)
  briefs.push(
    { name: 'shipped', text: await readFile(DEFAULT_BRIEF, 'utf8'), ...(shippedExtras ? { extras: await readFile(shippedExtras, 'utf8') } : {}) },
    ...corpus(),
  )
  // Every deck in one folder, as an export's are: one print site draws them all.
  const dir = await projectTempDir('projection')
  const decks: ExportDeck[] = []
  for (const brief of briefs) {
    const result = buildDecks({
      briefFile: `${brief.name}.txt`,
      briefBytes: new TextEncoder().encode(brief.text),
      ...(brief.extras === undefined ? {} : { extras: { file: `${brief.name}.deck.yaml`, text: brief.extras } }),
      source: `content/${brief.name}.txt`,
      addonPath: addonPathFor(dir),
      normalizePunctuation: true,
    })
    if (!result.ok) throw new Error(`${brief.name} does not build: ${result.diagnostics.map((d) => d.reason).join('; ')}`)
    read[brief.name] = {} as Record<Variant, ReadSlide[]>
    for (const variant of VARIANTS) {
      const file = path.join(dir, `${brief.name}-${variant}.md`)
      await writeFile(file, result.decks[variant])
      read[brief.name]![variant] = await readDeck(result.decks[variant])
      decks.push(await readExportDeck(result.decks[variant], file))
    }
  }
  const site = await makePrintSite(decks.map((deck) => ({ name: deck.name, deck, alsoDrawn: '' })))
  browser = await launchBrowser({ onePageAtATime: true })
  tab = await openPrintTab(browser, site)
  for (const deck of decks) {
    const { page } = await showSlides(tab, `/${deck.name}.html`, deck)
    const slides: Measured = { slides: [], fits: [] }
    for (const slide of deck.slides) {
      slides.slides.push(await page.evaluate(readSizes, slide.no))
      slides.fits.push(await page.evaluate(measureSlide, slide.no))
    }
    measured[deck.name] = slides
  }
}, 900_000)

afterAll(async () => {
  await tab?.close()
  await browser?.close()
})

describe('slides for projection, on the shipped brief and 31 generated briefs', () => {
  it('draws on a corpus that has sections of one bullet, of eight and more, and long bullets', () => {
    const sections = briefs.flatMap((brief) => readBriefText(brief.text).en.sections)
    expect(sections.some((section) => section.points.length === 1)).toBe(true)
    expect(sections.some((section) => section.points.length >= 8)).toBe(true)
    expect(Math.max(...sections.flatMap((section) => section.points.map((point) => point.length)))).toBeGreaterThan(300)
    expect(briefs).toHaveLength(32)
  })

  it('sets every text at 24 pt or more (second lines and labels 18 pt), titles larger, and all section slides of a deck at one size', () => {
    const problems = briefs.flatMap((brief) => VARIANTS.flatMap((variant) => sizeProblems(measured[`${brief.name}-${variant}`]!.slides, `${brief.name} ${variant}`)))
    expect(problems).toEqual([])
    // Not a vacuous pass: every slide of every deck was measured.
    const slides = briefs.flatMap((brief) => VARIANTS.flatMap((variant) => measured[`${brief.name}-${variant}`]!.slides))
    expect(slides.filter((slide) => slide === 'missing')).toEqual([])
    expect(slides.length).toBeGreaterThan(briefs.length * 3 * 3)
  })

  it('keeps every text and box inside its slide, with no slide shrunk below the projection sizes', () => {
    const problems = briefs.flatMap((brief) =>
      VARIANTS.flatMap((variant) =>
        measured[`${brief.name}-${variant}`]!.fits.flatMap((fit, i) => {
          const where = `${brief.name} ${variant} slide ${i + 1}`
          if (fit === 'missing') return [`${where}: not rendered`]
          return [
            ...fit.problems.map((p) => `${where}: ${p.what} outside ${JSON.stringify(p.outside)}`),
            ...(fit.fit === 'overflow' || fit.fit === 'below-minimum' ? [`${where}: DeckFit ${fit.fit} at ${fit.scale}`] : []),
          ]
        }),
      ),
    )
    expect(problems).toEqual([])
  })

  it('puts every bullet on exactly one slide, in order, a long section continued with its heading marked, notes and clicks with their bullets', () => {
    // The generated briefs' headlines are derived, and held to the headline rules too; the shipped brief's are authored (tests/pipeline/decks.test.ts).
    const generated = briefs.filter((brief) => brief.extras === undefined)
    const problems = generated.flatMap((brief) => deckProblems(readBriefText(brief.text), read[brief.name]!).map((p) => `${brief.name}: ${p}`))
    expect(problems).toEqual([])
    // Some section of the corpus is long enough to continue.
    expect(briefs.some((brief) => read[brief.name]!.bilingual.length > readBriefText(brief.text).en.sections.length + 2)).toBe(true)
  })

  it('fills the shipped brief’s section slides: the median one of its three decks reaches down to 65% of the slide or more', () => {
    const reaches = VARIANTS.map((variant) => measured[`shipped-${variant}`]!.slides)
    const median = medianSectionReach(reaches.flat())
    expect(median).toBeGreaterThanOrEqual(0.65)
  })
})
