import { describe, expect, it } from 'vitest'
import { HAZARDS } from '../../tests/fixtures/hostile.ts'
import { escapeAttribute } from '../deck/escape.ts'
import { bodyInLanguage, readBody, tagTexts } from './deck-body.ts'

describe('readBody', () => {
  it.each(HAZARDS)('reads back a prop the build escaped: %s', (hazard) => {
    const body = readBody(`<DeckSection zh="標題" en="${escapeAttribute(hazard)}">\n<DeckPoint v-click en="${escapeAttribute(hazard)}" />\n</DeckSection>`)
    expect(body.map((tag) => tag.name)).toEqual(['DeckSection', 'DeckPoint'])
    expect(tagTexts(body[1])).toEqual([{ lang: 'en', text: hazard }])
  })

  it('reads props over several lines, by language and suffix, and keeps one language', () => {
    const body = readBody('<DeckTitle\n  zh="標題" en="Title"\n  zh-subtitle="副標" en-subtitle="Sub"\n/>')
    expect(tagTexts(body[0], 'subtitle')).toEqual([
      { lang: 'zh-Hant', text: '副標' },
      { lang: 'en', text: 'Sub' },
    ])
    expect(tagTexts(bodyInLanguage(body, 'en')[0])).toEqual([{ lang: 'en', text: 'Title' }])
  })
})
