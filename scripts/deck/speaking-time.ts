import type { Lang } from '../brief/model.ts'

/**
 * Typical briefing pace: about 130 English words or 220 Chinese characters a
 * minute (read aloud, with pauses for the slides).
 */
const PACE: Record<Lang, number> = { 'zh-Hant': 220, en: 130 }

const HAN = /\p{Script=Han}/gu
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu

/** How much there is to say: Han characters for Chinese, words for English. */
export function countSpoken(text: string, lang: Lang): number {
  return (text.match(lang === 'en' ? WORD : HAN) ?? []).length
}

/** Seconds to speak the given texts at the usual pace (not rounded). */
export function speakingSeconds(texts: readonly { text: string; lang: Lang }[]): number {
  return texts.reduce((sum, { text, lang }) => sum + (countSpoken(text, lang) / PACE[lang]) * 60, 0)
}
