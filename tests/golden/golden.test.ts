import { existsSync } from 'node:fs'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildDecks } from '../../scripts/pipeline.ts'
import { VARIANTS } from '../../scripts/deck/variant.ts'
import { PROJECT_ROOT, addonPathFor, extrasPathFor, projectRelative } from '../../scripts/project.ts'
import { readDeck } from '../support/deck-reader.ts'

/**
 * Each folder in tests/fixtures/golden holds a brief (and maybe its extras)
 * and the decks it must build to. `UPDATE_GOLDEN=1 npx vitest run tests/golden`
 * rewrites them after an intended change: review the diff before committing.
 */
const GOLDEN = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'golden')
const cases = (await readdir(GOLDEN, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name)

describe.each(cases)('golden case %s', (name) => {
  const dir = path.join(GOLDEN, name)
  const brief = path.join(dir, 'brief.txt')

  it('builds exactly the expected decks, which Slidev parses into 2 + sections slides', async () => {
    const extras = extrasPathFor(brief)
    const result = buildDecks({
      briefFile: projectRelative(brief),
      briefBytes: await readFile(brief),
      ...(existsSync(extras) ? { extras: { file: projectRelative(extras), text: await readFile(extras, 'utf8') } } : {}),
      source: projectRelative(brief),
      addonPath: addonPathFor(dir),
      normalizePunctuation: true,
    })
    if (!result.ok) throw new Error(`golden brief ${name} does not build: ${JSON.stringify(result.diagnostics)}`)
    for (const variant of VARIANTS) {
      const file = path.join(dir, `${variant}.md`)
      if (process.env.UPDATE_GOLDEN) await writeFile(file, result.decks[variant])
      expect(result.decks[variant], `${name}/${variant}.md`).toBe(await readFile(file, 'utf8'))
      const slides = await readDeck(result.decks[variant])
      expect(slides).toHaveLength(2 + result.content.sections.length)
    }
  })
})
