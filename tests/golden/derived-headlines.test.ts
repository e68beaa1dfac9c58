import { existsSync } from 'node:fs'
import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { LANGS } from '../../scripts/brief/model.ts'
import { buildDecks } from '../../scripts/pipeline.ts'
import { PROJECT_ROOT, projectRelative } from '../../scripts/project.ts'

/**
 * English words that leave a phrase unfinished, listed here from the grammar and not taken
 * from the code under test: articles and determiners, possessives, prepositions,
 * conjunctions, auxiliaries and modals, the infinitive "to", and "not".
 */
const FUNCTION_WORDS = new Set(
  `a an the this that these those each every either neither another some any no such both all
  my your his her its our their whose
  of in on at to for with by from into onto upon about above across after against along among around
  before behind below beneath beside between beyond during except inside near off outside over past
  through throughout toward towards under underneath until unlike via within without than despite like
  and or but nor yet so because although though whereas unless if whether since while when where which who whom
  is are was were be been being am has have had do does did will would shall should can could may might must
  not`.split(/\s+/),
)

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

/** Counted here independently of the derivation: quotes and brackets the headline leaves open. */
function unclosed(text: string): string[] {
  const open: string[] = []
  if ((text.match(/"/g) ?? []).length % 2 === 1) open.push('"')
  for (const [opener, closer] of ['()', '“”', '「」', '《》', '（）', '『』']) {
    if (text.split(opener!).length !== text.split(closer!).length) open.push(opener!)
  }
  return open
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
      const last = kept.split(/\s+/).at(-1)!.replace(/[^\p{L}\p{N}'’-]/gu, '').toLowerCase()
      expect(FUNCTION_WORDS.has(last), `ends on "${last}"`).toBe(false)
      // The text goes on after a whole word: a space or punctuation, never the rest of the word or number.
      expect(text.slice(kept.length)).toMatch(/^([\s,;:.!?)—–]|$)/)
      expect(kept).not.toMatch(/[-‐]$/)
      expect(unclosed(kept)).toEqual([])
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
