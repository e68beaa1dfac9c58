/**
 * The speaking time the title slide's note states, recounted by the test from
 * the brief and its extras at the README's rates: 130 English words or 220
 * Chinese characters a minute, for all a presenter reads out (title and
 * subtitle, lede, headings and bullets) in the deck's languages.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { DEFAULT_BRIEF, DEFAULT_DECKS, extrasPathFor } from '../../scripts/project.ts'
import { readBriefText } from '../support/brief-oracle.ts'

const brief = readBriefText(await readFile(DEFAULT_BRIEF, 'utf8'))
const extras = parse(await readFile(extrasPathFor(DEFAULT_BRIEF), 'utf8')) as Record<'title' | 'subtitle', { 'zh-Hant': string; en: string }>

const spoken = (lang: 'zh-Hant' | 'en') => [
  extras.title[lang],
  extras.subtitle[lang],
  brief[lang].lede,
  ...brief[lang].sections.flatMap((section) => [section.heading, ...section.points]),
]
const englishSeconds = spoken('en').join(' ').match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)!.length / 130 * 60
const chineseSeconds = spoken('zh-Hant').join('').match(/\p{Script=Han}/gu)!.length / 220 * 60
const clock = (seconds: number) => `${Math.floor(Math.round(seconds) / 60)}:${String(Math.round(seconds) % 60).padStart(2, '0')}`

describe('the expected speaking time on the title slide of the shipped decks', () => {
  it.each([
    ['zh-Hant', chineseSeconds],
    ['en', englishSeconds],
    ['bilingual', chineseSeconds + englishSeconds],
  ] as const)('%s states the time its notes take to read out (%f s)', async (deck, seconds) => {
    const markdown = await readFile(path.join(DEFAULT_DECKS, `${deck}.md`), 'utf8')
    const stated = /<!--\n<p class="deck-note-plan" lang="[\w-]+">[^<]*?(\d+:\d\d)/.exec(markdown)?.[1]
    expect(stated).toBe(clock(seconds))
    expect(seconds).toBeGreaterThan(60)
  })
})
