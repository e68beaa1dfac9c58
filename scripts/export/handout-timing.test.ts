import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { buildDecks } from '../pipeline.ts'
import { DEFAULT_BRIEF, DEFAULT_DECKS, addonPathFor, existingExtras, projectRelative } from '../project.ts'
import { forAudience, readDeck } from './deck.ts'
import { renderHandout } from './handout-html.ts'

describe('the handout of a deck built for a slot', () => {
  it('states, for the speaker, the slot and the expected speaking time on its first page, and each slide\'s budget on its own; for the audience none of it', async () => {
    const extras = existingExtras(DEFAULT_BRIEF)!
    const result = buildDecks({
      briefFile: DEFAULT_BRIEF,
      briefBytes: await readFile(DEFAULT_BRIEF),
      extras: { file: extras, text: await readFile(extras, 'utf8') },
      source: projectRelative(DEFAULT_BRIEF),
      addonPath: addonPathFor(DEFAULT_DECKS),
      normalizePunctuation: true,
      minutes: 10,
    })
    if (!result.ok) throw new Error('the shipped brief does not build')
    const deck = await readDeck(result.decks.bilingual, 'bilingual.md')
    const pages = renderHandout(deck).split('<section class="handout-slide">').slice(1)
    expect(pages).toHaveLength(result.content.sections.length + 2)
    expect(pages[0]).toMatch(/<p lang="en">Expected speaking time: about \d+:\d\d; slot 10:00<\/p>/)
    expect(pages[0]).toMatch(/<p lang="zh-Hant">預計講述時間：約 \d+:\d\d；時段 10:00<\/p>/)
    pages.forEach((page, i) => expect(page).toContain(`This slide: ${budgetOf(result.plans.bilingual.slides[i]!.budget)}`))
    pages.forEach((page) => expect(page).toMatch(/Source: /))
    const audience = renderHandout(forAudience(deck))
    expect(audience).not.toMatch(/Expected speaking time|預計講述時間|This slide:|本頁時間|Source: |來源：/)
    // The notes themselves stay: the lede's paragraph, in both languages.
    expect(audience).toContain(`<p lang="en">${result.content.lede.detail.en.text.slice(0, 40)}`)
  })
})

function budgetOf(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
}
