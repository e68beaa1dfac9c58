import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { decodeHTML } from 'entities'
import { describe, expect, it } from 'vitest'
import type { Lang } from '../../scripts/brief/model.ts'
import { readBriefText } from '../support/brief-oracle.ts'
import { VARIANTS, variantLangs, type Variant } from '../../scripts/deck/variant.ts'
import { DEFAULT_BRIEF } from '../../scripts/project.ts'
import { runBuildCli } from '../support/build.ts'
import { readDeck } from '../support/deck-reader.ts'
import { projectTempDir } from '../support/tmp.ts'

const briefLines = (await readFile(DEFAULT_BRIEF, 'utf8')).split('\n')
const brief = readBriefText(briefLines.join('\n'))

async function build(...args: string[]) {
  const out = await projectTempDir('notes')
  const result = await runBuildCli(['--out', out, '--keep-punctuation', ...args])
  expect(result.code, result.stderr).toBe(0)
  const decks = {} as Record<Variant, Awaited<ReturnType<typeof readDeck>>>
  for (const v of VARIANTS) decks[v] = await readDeck(await readFile(path.join(out, `${v}.md`), 'utf8'))
  return decks
}

const SOURCE = /<p class="deck-note-source" lang="(zh-Hant|en)">([^<]*)<\/p>\s*$/

describe('source references in the notes', () => {
  it('end every note and cite the lines of that slide\'s text in the brief', async () => {
    const decks = await build()
    for (const variant of VARIANTS) {
      for (const [index, slide] of decks[variant].entries()) {
        const match = SOURCE.exec(slide.note)
        expect(match, `${variant} slide ${index + 1}`).not.toBeNull()
        const text = decodeHTML(match![2]!)
        expect(text).toContain('content/regime-security.txt')
        const ranges = [...text.matchAll(/(\d+)(?:–(\d+))?/g)].map((m) => [Number(m[1]), Number(m[2] ?? m[1])] as const)
        const cited = ranges.flatMap(([first, last]) => briefLines.slice(first - 1, last)).join('\n')
        // Every brief text of the slide's notes stands within the cited lines, and the cited lines hold nothing else.
        const spoken = variantLangs(variant).flatMap((lang: Lang) => slide.notes[lang])
        if (index === 0) expect(ranges).toEqual([[1, briefLines.length]])
        else {
          for (const paragraph of spoken) expect(cited).toContain(paragraph)
          const citedCount = ranges.reduce((n, [first, last]) => n + last - first + 1, 0)
          const texts = index === 1 ? 1 : 1 + brief.en.sections[index - 2]!.points.length
          expect(citedCount).toBe(texts * variantLangs(variant).length)
        }
      }
    }
  })

  it('are left out with --hide-source', async () => {
    const decks = await build('--hide-source')
    for (const variant of VARIANTS) for (const slide of decks[variant]) expect(slide.note).not.toContain('deck-note-source')
  })
})

describe('--notes: notes in the presenter\'s language', () => {
  it.each([
    ['zh-Hant', 'en'],
    ['en', 'zh-Hant'],
  ] as const)('%s slides with %s notes carry the aligned bullets of the other language', async (variant, notes) => {
    const decks = await build('--notes', notes)
    const slides = decks[variant]
    expect(slides[1]!.notes).toEqual({ [notes]: [brief[notes].lede], [variant]: [] })
    brief[notes].sections.forEach((section, i) => {
      const slide = slides[2 + i]!
      expect(slide.notes[notes]).toEqual([section.heading, ...section.points])
      expect(slide.notes[variant]).toEqual([])
      // The slide itself still shows its own language, one click per point.
      expect(slide.shown[variant].length).toBe(1 + section.points.length)
      expect(slide.shown[notes]).toEqual([])
      expect(slide.noteClicks).toBe(section.points.length)
    })
  })
})
