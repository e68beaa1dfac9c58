/**
 * The speaking time the title slide's note states, recounted by the test from
 * the brief and its extras at the README's rates: 130 English words or 220
 * Chinese characters a minute, for all a presenter reads out (title and
 * subtitle, lede, headings and bullets) in the deck's languages.
 */
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { buildDecks } from '../../scripts/pipeline.ts'
import { DEFAULT_BRIEF, extrasPathFor } from '../../scripts/project.ts'
import { readBriefText } from '../support/brief-oracle.ts'
import { PER_MINUTE, spoken } from '../support/speaking-time.ts'

const brief = readBriefText(await readFile(DEFAULT_BRIEF, 'utf8'))
const extrasText = await readFile(extrasPathFor(DEFAULT_BRIEF), 'utf8')
const extras = parse(extrasText) as Record<'title' | 'subtitle', { 'zh-Hant': string; en: string }>

const readOut = (lang: 'zh-Hant' | 'en') => [
  extras.title[lang],
  extras.subtitle[lang],
  brief[lang].lede,
  ...brief[lang].sections.flatMap((section) => [section.heading, ...section.points]),
]
const seconds = (lang: 'zh-Hant' | 'en') => (spoken(readOut(lang).join('\n'), lang) / PER_MINUTE[lang]) * 60
const englishSeconds = seconds('en')
const chineseSeconds = seconds('zh-Hant')
const clock = (seconds: number) => `${Math.floor(Math.round(seconds) / 60)}:${String(Math.round(seconds) % 60).padStart(2, '0')}`

describe('the expected speaking time on the title slide of the shipped decks', () => {
  it.each([
    ['zh-Hant', chineseSeconds],
    ['en', englishSeconds],
    ['bilingual', chineseSeconds + englishSeconds],
  ] as const)('%s states the time its notes take to read out (%f s)', async (deck, seconds) => {
    // Built now, as `npm run build` would: the decks in slides/ may be older than the code.
    const built = buildDecks({
      briefFile: DEFAULT_BRIEF,
      briefBytes: await readFile(DEFAULT_BRIEF),
      extras: { file: extrasPathFor(DEFAULT_BRIEF), text: extrasText },
      source: 'content/regime-security.txt',
      addonPath: '@/..',
      normalizePunctuation: true,
    })
    if (!built.ok) throw new Error('the shipped brief does not build')
    const markdown = built.decks[deck]
    const stated = /<!--\n<p class="deck-note-plan" lang="[\w-]+">[^<]*?(\d+:\d\d)/.exec(markdown)?.[1]
    expect(stated).toBe(clock(seconds))
    expect(seconds).toBeGreaterThan(60)
  })
})
