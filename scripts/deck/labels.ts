import type { Bilingual } from '../brief/model.ts'

/** Words the decks add around the brief's text, in each language. */
export const labels = {
  bottomLine: { 'zh-Hant': '重點摘要', en: 'Bottom line' },
  speakingTime: {
    'zh-Hant': (minutes: number) => `預計講述時間：約 ${minutes} 分鐘`,
    en: (minutes: number) => `Expected speaking time: about ${minutes} min`,
  },
  /** The note's last line: where this slide's text stands in the brief. */
  source: {
    'zh-Hant': (file: string, ranges: string[]) => `來源：${file} 第 ${ranges.join('、')} 行`,
    en: (file: string, ranges: string[]) => `Source: ${file}, line${ranges.length === 1 && !ranges[0]!.includes('–') ? '' : 's'} ${ranges.join(', ')}`,
  },
} satisfies Record<string, Bilingual<unknown>>
