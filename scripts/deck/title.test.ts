import { describe, expect, it } from 'vitest'
import { LANGS, type AlignedBrief, type SourceText } from '../brief/model.ts'
import { buildDeckContent } from './content.ts'
import { deriveLedeLines, nameTitle } from './title.ts'

const at = (text: string): SourceText => ({ text, position: { line: 1, column: 1 } })
const LEDE = {
  en: 'Beijing puts regime security first and measures its foreign, economic and technology policies against it; this will not change.',
  'zh-Hant': '北京把政權安全放在首位，並以此衡量外交、經濟與科技政策；這一取向在可見的未來不會改變。',
}
const brief: AlignedBrief = {
  file: 'b.txt',
  lineCount: 6,
  lede: { en: at(LEDE.en), 'zh-Hant': at(LEDE['zh-Hant']) },
  sections: [{ heading: { en: at('Heading'), 'zh-Hant': at('標題') }, points: [{ en: at('A point'), 'zh-Hant': at('要點') }] }],
}

describe('the derived title', () => {
  it.each(LANGS)('differs from the bottom line in %s: the lede’s opening phrase, the bottom line goes on', (lang) => {
    const content = buildDeckContent(brief, {}, 'content/b.txt')
    expect(content.title[lang]).not.toBe(content.lede.headline[lang])
    expect(content.title[lang]).toBe({ en: 'Beijing puts regime security first', 'zh-Hant': '北京把政權安全放在首位' }[lang])
    expect(content.lede.headline[lang].startsWith(content.title[lang])).toBe(true)
  })

  it('leaves an authored title and the usual bottom line alone', () => {
    const content = buildDeckContent(brief, { title: { en: 'Regime Security' } }, 'content/b.txt')
    expect(content.title.en).toBe('Regime Security')
    expect(content.lede.headline.en).toBe('Beijing puts regime security first…')
  })

  it('falls back to the file name in words when the lede has no shorter phrase', () => {
    expect(deriveLedeLines({ en: 'Security first.', 'zh-Hant': '安全優先。' }, 'content/north-sea-grid_2030.txt')).toEqual({
      title: { en: 'North Sea Grid 2030', 'zh-Hant': '安全優先。' },
      bottomLine: { en: 'Security first.', 'zh-Hant': '安全優先。' },
    })
    expect(nameTitle('content/brief.txt', 'en')).toBeUndefined()
    expect(nameTitle('content/state-of-the-grid.txt', 'en')).toBe('State of the Grid')
    expect(nameTitle('content/電網-冬季.txt', 'zh-Hant')).toBe('電網冬季')
    expect(nameTitle('content/state-of-the-grid.txt', 'zh-Hant')).toBeUndefined()
  })
})
