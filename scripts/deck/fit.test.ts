import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildDecks } from '../pipeline.ts'
import { DEFAULT_BRIEF, existingExtras } from '../project.ts'
import type { DeckContent } from './content.ts'
import { checkFit, estimateScales } from './fit.ts'
import { VARIANTS } from './variant.ts'

function contentOf(brief: string, extras?: string): DeckContent {
  const result = buildDecks({
    briefFile: 'brief.txt',
    briefBytes: new TextEncoder().encode(brief),
    ...(extras === undefined ? {} : { extras: { file: 'brief.deck.yaml', text: extras } }),
    source: 'content/brief.txt',
    addonPath: '@/..',
    normalizePunctuation: true,
  })
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.reason).join('\n'))
  return result.content
}

/** A brief with `points` bullets in its one section, each headline as given. */
function briefWith(points: number): string {
  const bullets = (word: string) => Array.from({ length: points }, (_, i) => `- ${word} ${i + 1}`)
  return ['中文導言。', '第一節', ...bullets('要點'), 'Summary:', 'English lede.', 'Section one', ...bullets('Point')].join('\n')
}

/** Extras that give every point a headline of `zh` Chinese and `en` English characters. */
function headlines(points: number, zh: number, en: number): string {
  const line = (i: number) =>
    `      - zh-Hant: "${'安全'.repeat(zh / 2)}"\n        en: "${'security '.repeat(en / 9).trim()}"\n        source: { zh-Hant: 要點 ${i + 1}, en: Point ${i + 1} }`
  return ['sections:', '  - points:', ...Array.from({ length: points }, (_, i) => line(i))].join('\n')
}

describe('checkFit', () => {
  it('finds every slide of the shipped brief readable in every deck', () => {
    const extras = existingExtras(DEFAULT_BRIEF)
    const content = contentOf(readFileSync(DEFAULT_BRIEF, 'utf8'), extras && readFileSync(extras, 'utf8'))
    for (const variant of VARIANTS) {
      expect(checkFit(content, variant), variant).toEqual([])
      expect(estimateScales(content, variant), variant).toEqual([1, 1, 1, 1])
    }
  })

  it('warns, naming the slide and pointing at its heading, when a section has too much to say', () => {
    const content = contentOf(briefWith(14), headlines(14, 40, 110))
    expect(checkFit(content, 'bilingual')).toEqual([
      {
        file: 'content/brief.txt',
        position: { line: 2, column: 1 },
        severity: 'warning',
        ruleId: 'slide-too-long',
        reason: expect.stringMatching(/^Slide 3 of the bilingual deck needs its text at about \d+% of normal size to fit, below the readable 60%$/),
        hint: expect.stringContaining('Shorten the slide'),
      },
    ])
  })

  it('lets a section shrink to the readable size without a warning', () => {
    const content = contentOf(briefWith(6), headlines(6, 24, 60))
    const [, , section] = estimateScales(content, 'bilingual')
    expect(section).toBeLessThan(1)
    expect(section).toBeGreaterThanOrEqual(0.6)
    expect(checkFit(content, 'bilingual')).toEqual([])
  })

  it('warns about a title too long for the title slide', () => {
    const title = `title:\n  zh-Hant: "${'國家安全'.repeat(60)}"\n  en: "${'national security '.repeat(40)}"\n  source: { zh-Hant: 中文導言。, en: English lede. }`
    const warnings = checkFit(contentOf(briefWith(2), title), 'bilingual')
    expect(warnings.map((w) => w.reason)).toEqual([expect.stringMatching(/^Slide 1 of the bilingual deck/)])
  })

  it('needs more room for the bilingual deck than for either language alone', () => {
    const content = contentOf(briefWith(8), headlines(8, 30, 80))
    const [zh, en, both] = VARIANTS.map((variant) => estimateScales(content, variant)[2] ?? 0)
    expect(both).toBeLessThan(zh ?? 0)
    expect(both).toBeLessThan(en ?? 0)
  })

  it('never gives more room to more text', () => {
    const scales = [2, 4, 6, 8, 10, 12].map((n) => estimateScales(contentOf(briefWith(n), headlines(n, 30, 80)), 'bilingual')[2] ?? 0)
    expect(scales).toEqual([...scales].sort((a, b) => b - a))
    expect(scales[0]).toBe(1)
  })
})
