/**
 * The brief as a reader sees it, read by the tests themselves (never by the
 * code under test): the expectations of the pipeline tests come from here.
 * Deliberately plain: a line `Summary:` splits the languages; in each, the
 * first line is the lede, `- ` lines are bullets, the other lines headings.
 */
export interface OracleSection {
  heading: string
  points: string[]
}

export interface OraclePart {
  lede: string
  sections: OracleSection[]
}

export function readBriefText(text: string): { 'zh-Hant': OraclePart; en: OraclePart } {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '')
  const summary = lines.indexOf('Summary:')
  if (summary < 0) throw new Error('the test brief has no Summary: line')
  return { 'zh-Hant': readPart(lines.slice(0, summary)), en: readPart(lines.slice(summary + 1)) }
}

function readPart(lines: string[]): OraclePart {
  const [lede = '', ...rest] = lines
  const sections: OracleSection[] = []
  for (const line of rest) {
    if (line.startsWith('- ')) sections.at(-1)?.points.push(line.slice(2))
    else sections.push({ heading: line, points: [] })
  }
  return { lede, sections }
}

/** Half-width marks and the full-width forms the build shows inside Chinese text (README). */
const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' }

/**
 * True when `shown` is `typed` with only half-width marks turned into their
 * full-width forms, character for character: nothing else added, lost or changed.
 */
export function onlyPunctuationWidened(typed: string, shown: string): boolean {
  const a = Array.from(typed)
  const b = Array.from(shown)
  return a.length === b.length && a.every((char, i) => char === b[i] || FULL_WIDTH[char] === b[i])
}

const HAN = /\p{Script=Han}/u
/** Chinese on the left of a mark: a Han character or a full-width mark (」，…). */
const CHINESE_BEFORE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u

/**
 * The brief's Chinese text as the decks show it by default (README): a
 * half-width mark that follows Chinese, or an opening bracket before it, in
 * its full-width form; marks among Latin text stay as typed.
 */
export function widenedChinese(typed: string): string {
  const chars = Array.from(typed)
  chars.forEach((char, i) => {
    const full = FULL_WIDTH[char]
    if (full && (char === '(' ? HAN.test(chars[i + 1] ?? '') : CHINESE_BEFORE.test(chars[i - 1] ?? ''))) chars[i] = full
  })
  return chars.join('')
}

/**
 * The `source:` an extras line written for the brief text `texts` records, as YAML flow text:
 * what a test writes beside an authored line it makes up, read from the brief by the test itself.
 */
export function sourceYaml(texts: { 'zh-Hant'?: string; en?: string }): string {
  const entries = (['zh-Hant', 'en'] as const).filter((lang) => texts[lang] !== undefined).map((lang) => `${lang}: ${JSON.stringify(texts[lang])}`)
  return `source: { ${entries.join(', ')} }`
}

/** The `source:` of a title written for this brief: its lede in both languages. */
export function ledeSource(briefText: string): string {
  const brief = readBriefText(briefText)
  return sourceYaml({ 'zh-Hant': brief['zh-Hant'].lede, en: brief.en.lede })
}
