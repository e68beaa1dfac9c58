import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import type { AlignedBrief, SourceText } from '../brief/model.ts'
import { buildDeckContent } from '../deck/content.ts'
import { draftExtras } from './draft.ts'
import { parseExtras } from './parse.ts'

const at = (text: string): SourceText => ({ text, position: { line: 1, column: 1 } })
const brief: AlignedBrief = {
  file: 'b.txt',
  lineCount: 8,
  lede: {
    'zh-Hant': at('北京把政權安全放在首位，並以此衡量外交、經濟與科技政策；這一取向在可見的未來不會改變。'),
    en: at('Beijing puts regime security first and measures its foreign, economic and technology policies against it.'),
  },
  sections: [
    {
      heading: { 'zh-Hant': at('對外關係'), en: at('Foreign Relations') },
      points: [
        { 'zh-Hant': at('外交部門被要求「以鬥爭求團結」，在西方面前展示強硬姿態。'), en: at('Diplomats are told to "seek unity through struggle" and to show a tough posture towards the West.') },
        { 'zh-Hant': at('--- # 不是標題'), en: at('--- # not a heading: "quoted"') },
      ],
    },
  ],
}

describe('draftExtras', () => {
  const content = buildDeckContent(brief, {}, 'content/b.txt')
  const text = draftExtras(content)
  const lines = text.split('\n')

  it('reads back as the very title and headlines it was drafted from', () => {
    const parsed = parseExtras(text, 'b.deck.yaml')
    expect(parsed.diagnostics).toEqual([])
    expect(buildDeckContent(brief, parsed.extras, 'content/b.txt')).toEqual(content)
  })

  it('puts the brief text each headline came from in the comment just above it', () => {
    for (const { detail, headline } of [content.lede, ...content.sections[0]!.points]) {
      for (const lang of ['zh-Hant', 'en'] as const) {
        const key = new RegExp(`^\\s*(- )?${lang}:`)
        const line = lines.findIndex((l) => key.test(l) && parseLine(l) === headline[lang])
        expect(line, `${lang}: ${headline[lang]}`).toBeGreaterThan(0)
        expect(lines[line - 1]!.trim()).toBe(`# ${detail[lang].text}`)
      }
    }
  })
})

/** The value of one `key: value` line of the draft, as YAML reads it. */
function parseLine(line: string): unknown {
  return Object.values(parse(line.trim().replace(/^- /, '')) as Record<string, unknown>)[0]
}
