import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseBrief } from '../../scripts/brief/parse.ts'
import { normalizeChinesePunctuation } from '../../scripts/brief/punctuation.ts'
import { DEFAULT_BRIEF, DEFAULT_DECKS } from '../../scripts/project.ts'

const brief = parseBrief(await readFile(DEFAULT_BRIEF, 'utf8'), 'brief.txt')
const deck = (name: string) => readFile(path.join(DEFAULT_DECKS, `${name}.md`), 'utf8')
/** Character references (`&#58;`, `&quot;`): each one is text a reader of the file has to decode. */
const REFERENCE = /&(?:#\d+|#x[0-9a-f]+|[a-z]+);/gi
/** A handful: the titles' few marks (markdown reads nearly all ASCII there) and the quotes of a prop. */
const HANDFUL = 8

describe('the committed decks read as text', () => {
  it('slides/en.md holds every English bullet, heading and the lede as typed', async () => {
    const en = await deck('en')
    const part = brief.parts.en
    for (const text of [part.lede!, ...part.sections.flatMap((section) => [section.heading, ...section.points])]) {
      expect(en).toContain(text.text)
    }
  })

  it('slides/zh-Hant.md holds every Chinese bullet as the decks show it', async () => {
    const zh = await deck('zh-Hant')
    for (const point of brief.parts['zh-Hant'].sections.flatMap((section) => section.points)) {
      expect(zh).toContain(normalizeChinesePunctuation(point.text).text)
    }
  })

  it.each(['en', 'zh-Hant', 'bilingual'])('slides/%s.md holds at most a handful of character references', async (name) => {
    const references = (await deck(name)).match(REFERENCE) ?? []
    expect(references.length, references.join(' ')).toBeLessThanOrEqual(HANDFUL)
  })
})
