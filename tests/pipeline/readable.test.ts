import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_BRIEF, DEFAULT_DECKS } from '../../scripts/project.ts'
import { onlyPunctuationWidened, readBriefText } from '../support/brief-oracle.ts'

// Read by the test itself, not by the code under test.
const brief = readBriefText(await readFile(DEFAULT_BRIEF, 'utf8'))
const deck = (name: string) => readFile(path.join(DEFAULT_DECKS, `${name}.md`), 'utf8')
/** Character references (`&#58;`, `&quot;`): each one is text a reader of the file has to decode. */
const REFERENCE = /&(?:#\d+|#x[0-9a-f]+|[a-z]+);/gi
/** A handful: the titles' few marks (markdown reads nearly all ASCII there) and the quotes of a prop. */
const HANDFUL = 8

describe('the committed decks read as text', () => {
  it('slides/en.md holds every English bullet, heading and the lede as typed', async () => {
    const en = await deck('en')
    const part = brief.en
    for (const text of [part.lede, ...part.sections.flatMap((section) => [section.heading, ...section.points])]) {
      expect(en).toContain(text)
    }
  })

  it('slides/zh-Hant.md holds every Chinese bullet as the decks show it', async () => {
    // Each note paragraph as written in the file: the only change a reader may find is a widened mark.
    const paragraphs = [...(await deck('zh-Hant')).matchAll(/<p lang="zh-Hant">([^<]*)<\/p>/g)].map((match) => match[1]!)
    for (const point of brief['zh-Hant'].sections.flatMap((section) => section.points)) {
      expect(paragraphs.some((paragraph) => onlyPunctuationWidened(point, paragraph)), point).toBe(true)
    }
  })

  it.each(['en', 'zh-Hant', 'bilingual'])('slides/%s.md holds at most a handful of character references', async (name) => {
    const references = (await deck(name)).match(REFERENCE) ?? []
    expect(references.length, references.join(' ')).toBeLessThanOrEqual(HANDFUL)
  })
})
