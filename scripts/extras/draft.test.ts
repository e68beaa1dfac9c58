import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import type { AlignedBrief, SourceText } from '../brief/model.ts'
import { buildDeckContent } from '../deck/content.ts'
import { draftExtras } from './draft.ts'
import { parseExtras } from './parse.ts'
import { tieExtras } from './tie.ts'

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
  const text = draftExtras(content, { minutes: 7.5 }, brief)

  it('reads back as the very title and headlines it was drafted from, and keeps the author’s settings', () => {
    const parsed = parseExtras(text, 'b.deck.yaml')
    expect(parsed.diagnostics).toEqual([])
    expect(parsed.extras.minutes).toBe(7.5)
    const tied = tieExtras(parsed.extras, brief, 'content/b.txt')
    expect(tied.stale).toEqual([])
    expect(tied.untied).toEqual([])
    expect(buildDeckContent(brief, tied.extras, 'content/b.txt')).toEqual(content)
  })

  it('records as data, under every line, the brief text it stands for', () => {
    const parsed = parse(text) as { lede: Record<string, unknown>; sections: { points: Record<string, unknown>[] }[] }
    expect(parsed.lede.source).toEqual({ 'zh-Hant': brief.lede['zh-Hant'].text, en: brief.lede.en.text })
    brief.sections[0]!.points.forEach((point, j) =>
      expect(parsed.sections[0]!.points[j]!.source).toEqual({ 'zh-Hant': point['zh-Hant'].text, en: point.en.text }),
    )
  })
})
