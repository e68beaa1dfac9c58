import { existsSync } from 'node:fs'
import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { LANGS } from '../../scripts/brief/model.ts'
import { buildDecks } from '../../scripts/pipeline.ts'
import { PROJECT_ROOT, projectRelative } from '../../scripts/project.ts'
import { headlineProblems } from '../support/headline-rules.ts'

/** Briefs as they arrive, without extras: every headline on their slides is derived. */
const GOLDEN = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'golden')
const bare = (await readdir(GOLDEN)).filter((name) => !existsSync(path.join(GOLDEN, name, 'brief.deck.yaml')))

async function contentOf(name: string) {
  const brief = path.join(GOLDEN, name, 'brief.txt')
  const result = buildDecks({
    briefFile: projectRelative(brief),
    briefBytes: await readFile(brief),
    source: projectRelative(brief),
    addonPath: '@/../../../..',
    normalizePunctuation: true,
  })
  if (!result.ok) throw new Error(`${name} does not build`)
  return result.content
}

it('judges a brief of at least 12 bullets a language, in another domain than the shipped one', async () => {
  const content = await contentOf('winter-grid')
  expect(content.sections.flatMap((section) => section.points).length).toBeGreaterThanOrEqual(12)
})

describe.each(bare)('derived headlines of the brief %s', async (name) => {
  const content = await contentOf(name)
  const pairs = [content.lede, ...content.sections.flatMap((section) => section.points)]

  // The README's rules, as the tests read them (tests/support/headline-rules.ts): one oracle for every brief.
  it.each(pairs.flatMap((pair) => LANGS.map((lang) => [lang, pair.headline[lang], pair.detail[lang].text] as const)))(
    '%s "%s" is its bullet’s own words, whole, ending where a headline may',
    (lang, headline, text) => {
      expect(headlineProblems(headline, text, lang)).toEqual([])
    },
  )

  it.each(LANGS)('the %s title differs from the bottom line', (lang) => {
    expect(content.title[lang].replace(/…$/, '')).not.toBe(content.lede.headline[lang].replace(/…$/, ''))
  })
})
