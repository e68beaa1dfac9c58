import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { VARIANTS } from '../../scripts/deck/variant.ts'
import { readDeck } from '../support/deck-reader.ts'
import { GOLDEN, buildGoldenCase, goldenCases } from './cases.ts'

/** `npm run golden:update` rewrites the expected decks after an intended change (tests/golden/update.ts). */
describe.each(await goldenCases())('golden case %s', (name) => {
  it('builds exactly the expected decks, which Slidev parses into 2 + sections slides, and one more for each section continued', async () => {
    const result = await buildGoldenCase(name)
    if (!result.ok) throw new Error(`golden brief ${name} does not build: ${JSON.stringify(result.diagnostics)}`)
    const sections = headingCount(await readFile(path.join(GOLDEN, name, 'brief.txt'), 'utf8'))
    for (const variant of VARIANTS) {
      const expected = await readFile(path.join(GOLDEN, name, `${variant}.md`), 'utf8')
      expect(result.decks[variant], `${name}/${variant}.md differs: run npm run golden:update if the change is intended`).toBe(expected)
      const slides = await readDeck(expected)
      // A slide that continues a section carries its heading marked, in the deck's language(s).
      const continued = slides.filter((slide) => /<DeckSection [^>]*(?:（續）"| \(continued\)")/.test(slide.content)).length
      expect(slides).toHaveLength(2 + sections + continued)
    }
  })
})

/** Section headings of the brief's Chinese part, counted from the text itself: lines that are neither the lede nor bullets. */
function headingCount(brief: string): number {
  const chinese = brief.split(/^Summary:$/m)[0] ?? ''
  return chinese.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('- ')).length - 1
}
