import type { Bilingual } from '../brief/model.ts'

/** Words the decks add around the brief's text, in each language. */
export const labels = {
  bottomLine: { 'zh-Hant': '重點摘要', en: 'Bottom line' },
  speakingTime: {
    'zh-Hant': (minutes: number) => `預計講述時間：約 ${minutes} 分鐘`,
    en: (minutes: number) => `Expected speaking time: about ${minutes} min`,
  },
} satisfies Record<string, Bilingual<unknown>>
