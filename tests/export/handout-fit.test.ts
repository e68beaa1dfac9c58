import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { VARIANTS, type Variant } from '../../scripts/deck/variant.ts'
import { exportDecks } from '../../scripts/export/export-decks.ts'
import { LONG_NOTES_LIMIT, longNotesBrief } from '../fixtures/long-notes.ts'
import { runBuildCli } from '../support/build.ts'
import { readDeck, type ReadSlide } from '../support/deck-reader.ts'
import { projectTempDir } from '../support/tmp.ts'
import { readHandoutPages, type HandoutPage } from './handout-pages.ts'
import { handoutProblems, MIN_NOTES_PT, notesLines } from './handout-rules.ts'

interface Exported {
  slides: ReadSlide[]
  pages: HandoutPage[]
}

const exported = {} as Record<Variant, Exported>

beforeAll(async () => {
  const tmp = await projectTempDir('handout-fit')
  const brief = path.join(tmp, 'long-notes.txt')
  await writeFile(brief, longNotesBrief())
  const built = await runBuildCli(['--brief', brief, '--out', path.join(tmp, 'decks')])
  if (built.code !== 0) throw new Error(`build failed: ${built.stderr}`)
  const out = path.join(tmp, 'out')
  await exportDecks({ briefing: 'long-notes', decks: VARIANTS.map((variant) => path.join(tmp, 'decks', `${variant}.md`)), formats: ['pdf', 'handout'], out, noCache: true })
  for (const variant of VARIANTS) {
    exported[variant] = {
      slides: await readDeck(await readFile(path.join(tmp, 'decks', `${variant}.md`), 'utf8')),
      pages: await readHandoutPages(path.join(out, `long-notes-${variant}-handout.pdf`)),
    }
  }
}, 600_000)

describe('the handout of a brief with long notes', () => {
  it(`has notes up to ${LONG_NOTES_LIMIT} characters a language on a slide, near that limit`, () => {
    const lengths = exported.bilingual.slides.flatMap((slide) => [slide.notes['zh-Hant'].join('').length, slide.notes.en.join('').length])
    expect(Math.max(...lengths)).toBeLessThanOrEqual(LONG_NOTES_LIMIT)
    expect(Math.max(...lengths)).toBeGreaterThan(LONG_NOTES_LIMIT * 0.95)
  })

  describe.each(VARIANTS)('the %s deck', (variant) => {
    it('gives no slide more than two pages, continued pages headed and titled "(continued)", none under 4 lines, notes whole and never under 9 pt', () => {
      const { slides, pages } = exported[variant]
      expect(handoutProblems(pages, slides, 2, variant)).toEqual([])
    })
  })

  it('carries the longest notes of the bilingual deck on to a second page, and keeps the others to one', () => {
    const { slides, pages } = exported.bilingual
    const continued = pages.filter((page) => page.continued).map((page) => page.slide)
    expect(continued.length).toBeGreaterThan(0)
    // The short sections' notes fit on their slide's page.
    const longest = (slide: ReadSlide) => Math.max(slide.notes['zh-Hant'].join('').length, slide.notes.en.join('').length)
    slides.forEach((slide, i) => {
      if (longest(slide) < 700) expect(continued, `slide ${i + 1}`).not.toContain(i + 1)
    })
  })

  it(`draws notes in type of ${MIN_NOTES_PT} pt or more`, () => {
    // The rule above lets only the slide's picture draw smaller; here, the notes are there to be measured.
    for (const variant of VARIANTS) {
      const { pages, slides } = exported[variant]
      const lines = pages.flatMap((page) => notesLines(page, slides[page.slide - 1]!))
      const inNotesType = lines.filter((line) => line.items.every((item) => item.size >= MIN_NOTES_PT - 0.05 && item.size <= 10.05))
      // Every line of the notes region in notes type, and enough of them to mean it (the audience's handout:
      // no timing or source lines).
      expect(lines.length, variant).toBeGreaterThan(40)
      expect(inNotesType.length, variant).toBe(lines.length)
    }
  })
})
