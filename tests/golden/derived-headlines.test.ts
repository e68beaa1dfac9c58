import { existsSync } from 'node:fs'
import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { LANGS } from '../../scripts/brief/model.ts'
import { buildDecks } from '../../scripts/pipeline.ts'
import { PROJECT_ROOT, projectRelative } from '../../scripts/project.ts'
import { headlineProblems, unclosed } from '../support/headline-rules.ts'

/** The rules this file names: no function word at the end, no quotation or bracket left open. */
const NAMED = new Set(['needs-what-follows', 'open-quote'])

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

  it.each(pairs.map((pair) => [pair.headline.en, pair.detail.en.text]))(
    'English "%s" ends on no function word, inside no hyphenated word, number or quotation',
    (headline, text) => {
      const kept = headline.replace(/…$/, '')
      expect(text.startsWith(kept), 'a headline is the start of its bullet').toBe(true)
      if (kept === text) return
      // The README's rules as the tests read them (tests/support/headline-rules.ts): one list of words
      // that need what follows, one of bracket pairs.
      expect(headlineProblems(headline, text, 'en').filter((problem) => NAMED.has(problem.rule))).toEqual([])
      // The text goes on after a whole word: a space or punctuation, never the rest of the word or number.
      expect(text.slice(kept.length)).toMatch(/^([\s,;:.!?)—–]|$)/)
      expect(kept).not.toMatch(/[-‐]$/)
    },
  )

  it.each(pairs.map((pair) => [pair.headline['zh-Hant'], pair.detail['zh-Hant'].text]))(
    'Chinese "%s" ends outside 「」《》（）',
    (headline, text) => {
      const kept = headline.replace(/…$/, '')
      expect(text.startsWith(kept)).toBe(true)
      expect(unclosed(kept)).toEqual([])
    },
  )

  it.each(LANGS)('the %s title differs from the bottom line', (lang) => {
    expect(content.title[lang].replace(/…$/, '')).not.toBe(content.lede.headline[lang].replace(/…$/, ''))
  })
})
