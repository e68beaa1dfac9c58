/**
 * Generated briefs through the build, re-read as Slidev reads the decks: the
 * checks the shipped brief gets (tests/pipeline/decks.test.ts), on briefs it
 * does not resemble.
 */
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { VARIANTS, type Variant } from '../../scripts/deck/variant.ts'
import { readBriefText } from '../support/brief-oracle.ts'
import { runBuildCli } from '../support/build.ts'
import { readDeck, type ReadSlide } from '../support/deck-reader.ts'
import { generateBrief } from '../support/generate-brief.ts'
import { projectTempDir } from '../support/tmp.ts'
import { deckProblems } from '../support/deck-checks.ts'

/** A dozen briefs, CI-sized; `npm run corpus` runs any number through the same checks. */
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]

describe('generated briefs', () => {
  it('come out the same for the same seed, and differ between seeds', () => {
    expect(generateBrief(7).text).toBe(generateBrief(7).text)
    expect(generateBrief(7).text).not.toBe(generateBrief(8).text)
  })

  it('read back, by the tests’ own reader, as what was generated: aligned, 1–8 sections of 1–8 bullets', () => {
    for (const seed of SEEDS) {
      const brief = generateBrief(seed)
      const read = readBriefText(brief.text)
      for (const lang of ['zh-Hant', 'en'] as const) {
        expect(read[lang].lede).toBe(brief.lede[lang])
        expect(read[lang].sections.map((s) => s.points)).toEqual(brief.sections.map((s) => s.points.map((p) => p[lang])))
      }
      expect(read.en.sections.map((s) => s.points.length)).toEqual(read['zh-Hant'].sections.map((s) => s.points.length))
      expect(brief.sections.length).toBeGreaterThanOrEqual(1)
      expect(brief.sections.length).toBeLessThanOrEqual(8)
      for (const s of brief.sections) expect(s.points.length).toBeLessThanOrEqual(8)
    }
  })

  it('carry, over a dozen seeds, what a desk’s next brief has', () => {
    const all = SEEDS.map((seed) => generateBrief(seed).text).join('\n')
    const bullets = SEEDS.flatMap((seed) => generateBrief(seed).sections.flatMap((s) => s.points.map((p) => p.en.length)))
    expect(Math.max(...bullets)).toBeGreaterThan(300)
    expect(Math.min(...bullets)).toBeLessThan(40)
    for (const feature of [/\d,\d{3}億/, /NT\$[\d,]+ billion/, /¥\d/, /\d\.\d GW/, /\d+%/, /（[A-Z]+）/, / to (two|three|four|five|six) /, /\d{4}–\d{4}/, /[兩三四五六]年/, /逐年|逐月|逐步|逐一/, / by (year|month|step|one|day)/, /「/, /『/, /《/, /“/, /'/, /\[/, /https:\/\//, /[⚡🚢📉]/u]) {
      expect(all, String(feature)).toMatch(feature)
    }
  })
})

describe.each(SEEDS)('the decks of generated brief %i', (seed) => {
  it('are built, hold every bullet verbatim in its notes, and headlines that read whole', async () => {
    const brief = generateBrief(seed)
    const out = await projectTempDir(`generated-${seed}`)
    const file = path.join(out, 'brief.txt')
    await writeFile(file, brief.text)
    const result = await runBuildCli(['--brief', file, '--out', out])
    expect(result.code, result.stderr).toBe(0)
    const decks = {} as Record<Variant, ReadSlide[]>
    for (const v of VARIANTS) decks[v] = await readDeck(await readFile(path.join(out, `${v}.md`), 'utf8'), `${v}.md`)
    expect(deckProblems(readBriefText(brief.text), decks)).toEqual([])
  })
})
