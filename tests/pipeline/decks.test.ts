import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { decodeHTML } from 'entities'
import { beforeAll, describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import type { Lang } from '../../scripts/brief/model.ts'
import { VARIANTS, variantLangs, type Variant } from '../../scripts/deck/variant.ts'
import { DEFAULT_BRIEF, DEFAULT_DECKS, PROJECT_ROOT } from '../../scripts/project.ts'
import { runBuildCli } from '../support/build.ts'
import { readDeck, type ReadSlide } from '../support/deck-reader.ts'
import { onlyPunctuationWidened, readBriefText } from '../support/brief-oracle.ts'
import { projectTempDir } from '../support/tmp.ts'

/** Read by the test itself, not by the code under test. */
const brief = readBriefText(await readFile(DEFAULT_BRIEF, 'utf8'))

/** The shipped extras, read by the test itself: each point's pair of authored headlines, in the brief's order. */
const extras = parseYaml(await readFile(DEFAULT_BRIEF.replace(/\.txt$/, '.deck.yaml'), 'utf8')) as {
  sections: { points: Record<Lang, string>[] }[]
}

/** Each point element of a slide body, element by element: the Chinese and the English text it shows together. */
function pointPairs(content: string): string[][] {
  return [...content.matchAll(/<DeckPoint\b[^>]*>/g)].map(([element]) =>
    ['zh', 'en'].map((prop) => decodeHTML(new RegExp(`\\s${prop}="([^"]*)"`).exec(element)?.[1] ?? '')),
  )
}

/**
 * The notes must hold the brief's texts verbatim; with punctuation normalized,
 * a Chinese text may differ only by half-width marks shown full width.
 */
function expectCarried(shown: string[], typed: string[], lang: Lang, keep: boolean): void {
  if (lang === 'en' || keep) {
    expect(shown).toEqual(typed)
    return
  }
  expect(shown).toHaveLength(typed.length)
  typed.forEach((text, i) => expect(onlyPunctuationWidened(text, shown[i] ?? ''), `${shown[i]}\n  vs the brief's\n${text}`).toBe(true))
}

describe.each([
  { keep: false, label: 'with Chinese punctuation normalized' },
  { keep: true, label: 'with --keep-punctuation' },
])('decks of the shipped brief, $label', ({ keep }) => {
  const decks = {} as Record<Variant, ReadSlide[]>
  beforeAll(async () => {
    const out = await projectTempDir('decks')
    const result = await runBuildCli(['--out', out, ...(keep ? ['--keep-punctuation'] : [])])
    expect(result.code, result.stderr).toBe(0)
    for (const variant of VARIANTS)
      decks[variant] = await readDeck(await readFile(path.join(out, `${variant}.md`), 'utf8'), `${variant}.md`)
  })

  it.each(VARIANTS)('%s has a title slide, a bottom-line slide and one slide per section', (variant) => {
    expect(brief.en.sections).toHaveLength(2)
    expect(decks[variant]).toHaveLength(4)
  })

  it.each(VARIANTS)('%s keeps the lede verbatim in the bottom-line notes, in its languages only', (variant) => {
    const notes = decks[variant][1]!.notes
    for (const lang of ['zh-Hant', 'en'] as const) {
      if (variantLangs(variant).includes(lang)) expectCarried(notes[lang], [brief[lang].lede], lang, keep)
      else expect(notes[lang]).toEqual([])
    }
  })

  it.each(VARIANTS)('%s keeps every bullet verbatim in the notes of its section slide', (variant) => {
    for (const lang of variantLangs(variant)) {
      brief[lang].sections.forEach((section, i) => {
        // The heading opens the notes, then one paragraph per bullet, in order.
        expectCarried(decks[variant][2 + i]!.notes[lang], [section.heading, ...section.points], lang, keep)
      })
    }
  })

  it.each(VARIANTS)('%s ties each bullet to the click that reveals its headline', (variant) => {
    decks[variant].slice(2).forEach((slide, i) => {
      const count = brief.en.sections[i]!.points.length
      expect(slide.bodyClicks).toBe(count)
      expect(slide.noteClicks).toBe(count)
    })
  })

  it('shows both languages on every slide of the bilingual deck, aligned: heading beside heading, headline j beside headline j', () => {
    decks.bilingual.forEach((slide, i) => {
      expect(slide.shown['zh-Hant'].length).toBeGreaterThan(0)
      expect(slide.shown['zh-Hant'].length).toBe(slide.shown.en.length)
      if (i < 2) return
      const section = { zh: brief['zh-Hant'].sections[i - 2]!, en: brief.en.sections[i - 2]! }
      // Each pair of headlines stands where the brief's pair of bullets stands (the shipped extras' headlines
      // are short forms of their bullets, so each headline's notes paragraph is its own bullet's).
      expect(slide.shown.en[0]).toBe(section.en.heading)
      expect(onlyPunctuationWidened(section.zh.heading, slide.shown['zh-Hant'][0] ?? '')).toBe(true)
      expect(slide.shown.en).toHaveLength(1 + section.en.points.length)
      expect(slide.noteClicks).toBe(section.en.points.length)
      // Headline j beside headline j: one element shows both languages of the extras' point j.
      expect(pointPairs(slide.content)).toEqual(extras.sections[i - 2]!.points.map((point) => [point['zh-Hant'], point.en]))
    })
  })

  it.each(VARIANTS)('%s sets the deck language and tags every note paragraph and slide title with its language', (variant) => {
    const [first] = decks[variant]
    expect(first!.frontmatter.lang).toBe(variant === 'en' ? 'en' : 'zh-Hant')
    for (const slide of decks[variant]) {
      const untagged = slide.note
        .replace(/<p (class="[\w-]+" )?lang="(zh-Hant|en)">[^<]*<\/p>/g, '')
        .replace(/<[^>]+>|\[click\]/g, '')
      expect(untagged.trim()).toBe('')
      expect(String(slide.frontmatter.title)).toMatch(/^<span v-pre lang="(zh-Hant|en)">/)
    }
  })
})

describe('components named by the decks', () => {
  it('each exists once in components/, so Slidev does not render an empty tag', async () => {
    const files = await readdir(path.join(PROJECT_ROOT, 'components'))
    const available = new Set(files.filter((f) => f.endsWith('.vue')).map((f) => f.replace(/\.vue$/, '')))
    for (const variant of VARIANTS) {
      const markdown = await readFile(path.join(DEFAULT_DECKS, `${variant}.md`), 'utf8')
      const used = new Set([...markdown.matchAll(/<([A-Z][A-Za-z0-9]*)[\s/>]/g)].map((m) => m[1]))
      expect(used.size).toBeGreaterThan(0)
      for (const name of used) expect(available, `${variant}.md uses <${name}>`).toContain(name)
    }
  })
})
