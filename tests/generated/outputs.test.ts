/**
 * Generated briefs through the outputs a briefer projects and hands out:
 * Chromium (through Slidev), the slide PDF, the PPTX and the PPTX as
 * LibreOffice renders it — the shipped brief's checks (tests/browser/,
 * tests/export/) on briefs unlike it. Two briefs here; `npm run corpus` runs
 * any number.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { VARIANTS } from '../../scripts/deck/variant.ts'
import { exportDecks } from '../../scripts/export/export-decks.ts'
import { buildBrief, deckFile, useBrowser, useDeckServer, type BuiltDecks } from '../browser/fixture.ts'
import { readDeck, type ReadSlide } from '../support/deck-reader.ts'
import { generateBrief } from '../support/generate-brief.ts'
import { browserProblems, handoutPdfProblems, libreOfficeProblems, pptxProblems, slidePdfProblems } from '../support/output-checks.ts'
import { projectTempDir } from '../support/tmp.ts'

/** Seed 5: six sections of 1–8 bullets up to ~400 characters; seed 9: two sections of 4–5. */
const SEEDS = [5, 9]

const browser = useBrowser()

describe.each(SEEDS)('generated brief %i', (seed) => {
  let decks: BuiltDecks
  const slides = {} as Record<(typeof VARIANTS)[number], ReadSlide[]>
  let out: string
  const server = useDeckServer(async () => {
    decks = await buildBrief(`generated-outputs-${seed}`, generateBrief(seed).text)
    for (const variant of VARIANTS) slides[variant] = await readDeck(await readFile(deckFile(decks.dir, variant), 'utf8'))
    return deckFile(decks.dir, 'bilingual')
  }, browser)

  beforeAll(async () => {
    out = await projectTempDir(`generated-exports-${seed}`)
    await exportDecks({ briefing: 'generated', decks: VARIANTS.map((variant) => deckFile(decks.dir, variant)), formats: ['pdf', 'handout', 'pptx'], out, noCache: true })
  }, 600_000)

  it('the bilingual deck in Chromium: every slide inside its frame, every text tagged and in its face, no error, nothing from outside; (first seed) the notes verbatim, the highlight point by point', async () => {
    const problems = await browserProblems({ browser: browser(), url: server().url, content: decks.expected, langs: ['zh-Hant', 'en'], presenter: seed === SEEDS[0] })
    expect(problems).toEqual([])
  }, 300_000)

  it.each(VARIANTS)('the %s slide PDF: a page a slide, every heading and headline drawn', async (variant) => {
    expect(await slidePdfProblems(path.join(out, `generated-${variant}.pdf`), slides[variant])).toEqual([])
  })

  it.each(VARIANTS)('the %s handout: headed pages, continued pages titled, no page under 4 lines, notes whole and ≥ 9 pt', async (variant) => {
    const handout = path.join(out, `generated-${variant}-handout.pdf`)
    expect(await handoutPdfProblems(handout, slides[variant], `seed ${seed} ${variant}`)).toEqual([])
  })

  it.each(VARIANTS)('the %s PPTX: a slide a slide, every note paragraph in its notes', async (variant) => {
    expect(await pptxProblems(path.join(out, `generated-${variant}.pptx`), slides[variant])).toEqual([])
  })

  it('the PPTX as LibreOffice renders it: every line inside its text box and the slide', async () => {
    const files = VARIANTS.map((variant) => path.join(out, `generated-${variant}.pptx`))
    expect(await libreOfficeProblems(files, out)).toEqual([])
  }, 600_000)
})
