import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { MIN_READABLE_SCALE, SECTION_SCALE_CAP } from '../../setup/fit-scale.ts'
import { buildDecks } from '../pipeline.ts'
import { DEFAULT_BRIEF, existingExtras } from '../project.ts'
import type { DeckContent } from './content.ts'
import { checkFit, estimateScales, layoutDeck, sectionSlides, slideHeading } from './fit.ts'
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

const shipped = () => {
  const extras = existingExtras(DEFAULT_BRIEF)
  return contentOf(readFileSync(DEFAULT_BRIEF, 'utf8'), extras && readFileSync(extras, 'utf8'))
}

describe('layoutDeck and checkFit', () => {
  it('finds every slide of the shipped brief readable in every deck, its sections one slide each at one scale above the minimum', () => {
    const content = shipped()
    const layout = layoutDeck(content)
    expect(layout.parts).toEqual([[4], [4]])
    for (const variant of VARIANTS) {
      expect(checkFit(content, variant, layout), variant).toEqual([])
      const scale = layout.sectionScale[variant]
      expect(scale, variant).toBeGreaterThan(MIN_READABLE_SCALE)
      expect(scale, variant).toBeLessThanOrEqual(SECTION_SCALE_CAP)
      // Every section slide is expected to fit at the deck's scale: none shrinks on its own.
      expect(estimateScales(content, variant, layout).slice(2), variant).toEqual([scale, scale])
    }
  })

  it('continues a long section on further slides instead of shrinking it: every bullet once and in order, each slide readable, the split balanced', () => {
    const content = contentOf(briefWith(14), headlines(14, 40, 110))
    const layout = layoutDeck(content)
    const [parts = []] = layout.parts
    expect(parts.length).toBeGreaterThan(1)
    expect(parts.reduce((a, b) => a + b, 0)).toBe(14)
    // Equal bullets: the slides differ by one bullet at most.
    expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1)
    const slides = sectionSlides(content, layout.parts)
    expect(slides.flatMap((slide) => slide.points)).toEqual(content.sections[0]!.points)
    for (const variant of VARIANTS) {
      expect(checkFit(content, variant, layout), variant).toEqual([])
      expect(estimateScales(content, variant, layout).every((scale) => scale >= MIN_READABLE_SCALE), variant).toBe(true)
    }
    // The same slides, the same number, in every deck: the split is decided once.
    expect(slides.map((slide) => [slideHeading(slide, 'zh-Hant'), slideHeading(slide, 'en')])).toEqual([
      ['第一節', 'Section one'],
      ...parts.slice(1).map(() => ['第一節（續）', 'Section one (continued)']),
    ])
  })

  it('splits a section no further than it must: one that fits at the projection sizes stays one slide', () => {
    const content = contentOf(briefWith(4), headlines(4, 20, 50))
    expect(layoutDeck(content).parts).toEqual([[4]])
  })

  it('warns, naming the slide and pointing at its bullet, when one headline is too long for a slide of its own', () => {
    const long = [
      'sections:',
      '  - points:',
      `      - zh-Hant: "${'國家安全'.repeat(70)}"`,
      `        en: "${'national security '.repeat(40).trim()}"`,
      '        source: { zh-Hant: 要點 1, en: Point 1 }',
    ].join('\n')
    const content = contentOf(briefWith(2), long)
    const layout = layoutDeck(content)
    expect(layout.parts).toEqual([[1, 1]])
    expect(checkFit(content, 'bilingual', layout)).toEqual([
      {
        file: 'content/brief.txt',
        position: { line: 3, column: 3 },
        severity: 'warning',
        ruleId: 'slide-too-long',
        reason: expect.stringMatching(/^Slide 3 of the bilingual deck needs its text at about \d+% of the projection size to fit/),
        hint: expect.stringContaining('Shorten the slide'),
      },
    ])
  })

  it('warns about a title too long for the title slide', () => {
    const title = `title:\n  zh-Hant: "${'國家安全'.repeat(60)}"\n  en: "${'national security '.repeat(40)}"\n  source: { zh-Hant: 中文導言。, en: English lede. }`
    const warnings = checkFit(contentOf(briefWith(2), title), 'bilingual')
    expect(warnings.map((w) => w.reason)).toEqual([expect.stringMatching(/^Slide 1 of the bilingual deck/)])
  })

  it('gives the bilingual deck a smaller scale than either language alone', () => {
    const { sectionScale } = layoutDeck(contentOf(briefWith(5), headlines(5, 20, 50)))
    expect(sectionScale.bilingual).toBeLessThan(sectionScale['zh-Hant'])
    expect(sectionScale.bilingual).toBeLessThan(sectionScale.en)
  })

  it('never gives more room to more text, and stops at the cap however short the sections', () => {
    // Up to four such bullets fit on one slide (more would continue on the next: tested above).
    const scales = [1, 2, 3, 4].map((n) => layoutDeck(contentOf(briefWith(n), headlines(n, 20, 50))).sectionScale.bilingual)
    expect(scales).toEqual([...scales].sort((a, b) => b - a))
    expect(scales[0]).toBe(SECTION_SCALE_CAP)
    expect(scales.at(-1)).toBeLessThan(SECTION_SCALE_CAP)
  })
})
