import type { AlignedBrief, Bilingual, Position, SourceText } from './model.ts'

/** Half-width marks and their full-width forms, as Chinese typesetting wants them. */
const FULL_WIDTH: Record<string, string> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '?': '？',
  '!': '！',
  '(': '（',
  ')': '）',
}

const HAN = /\p{Script=Han}/u
/** Chinese on the relevant side: a Han character, or full-width punctuation such as 」. */
const CHINESE_NEIGHBOUR = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u

/**
 * Full-width forms for half-width punctuation inside Chinese text. A mark is
 * Chinese when it follows Chinese (`安全,聚焦`), or, for an opening bracket,
 * precedes it; marks among Latin text (`U.S., 2024`) are left alone.
 */
export function normalizeChinesePunctuation(text: string): { text: string; indexes: number[] } {
  const indexes: number[] = []
  const chars = text.split('')
  chars.forEach((char, i) => {
    const full = FULL_WIDTH[char]
    if (!full) return
    const before = chars[i - 1] ?? ''
    const after = chars[i + 1] ?? ''
    const chinese = char === '(' ? HAN.test(after) : CHINESE_NEIGHBOUR.test(before)
    if (chinese) {
      chars[i] = full
      indexes.push(i)
    }
  })
  return { text: chars.join(''), indexes }
}

/** The brief with its Chinese text normalized, and where each change was made. */
export function normalizeBriefPunctuation(brief: AlignedBrief): { brief: AlignedBrief; changes: Position[] } {
  const changes: Position[] = []
  const fix = (source: SourceText): SourceText => {
    const { text, indexes } = normalizeChinesePunctuation(source.text)
    for (const index of indexes) changes.push({ line: source.position.line, column: source.position.column + index })
    return { ...source, text }
  }
  const fixPair = (pair: Bilingual<SourceText>): Bilingual<SourceText> => ({ ...pair, 'zh-Hant': fix(pair['zh-Hant']) })
  const normalized: AlignedBrief = {
    ...brief,
    lede: fixPair(brief.lede),
    sections: brief.sections.map((section) => ({
      heading: fixPair(section.heading),
      points: section.points.map(fixPair),
    })),
  }
  return { brief: normalized, changes }
}
