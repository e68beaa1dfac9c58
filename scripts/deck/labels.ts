import type { Bilingual } from '../brief/model.ts'

/** Words the decks add around the brief's text, in each language. */
export const labels = {
  bottomLine: { 'zh-Hant': '重點摘要', en: 'Bottom line' },
  /** The title slide's note: what the notes take to say at the usual pace, and the slot (`m:ss`). */
  speakingTime: {
    'zh-Hant': (expected: string, slot: string) => `預計講述時間：約 ${expected}；時段 ${slot}`,
    en: (expected: string, slot: string) => `Expected speaking time: about ${expected}; slot ${slot}`,
  },
  /** Each note's small line before the source: the slide's budget and the elapsed time at its end (`m:ss`). */
  slideTime: {
    'zh-Hant': (budget: string, end: string) => `本頁時間 ${budget}，本頁結束時累計 ${end}`,
    en: (budget: string, end: string) => `This slide: ${budget}; ${end} elapsed at its end`,
  },
  /** The note's last line: where this slide's text stands in the brief. */
  source: {
    'zh-Hant': (file: string, ranges: string[]) => `來源：${file} 第 ${ranges.join('、')} 行`,
    en: (file: string, ranges: string[]) => `Source: ${file}, line${ranges.length === 1 && !ranges[0]!.includes('–') ? '' : 's'} ${ranges.join(', ')}`,
  },
  /** A handout page that carries on a slide's notes: its title, marked. */
  continued: { 'zh-Hant': '（續）', en: ' (continued)' },
} satisfies Record<string, Bilingual<unknown>>
