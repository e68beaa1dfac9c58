/**
 * The tests' own reading of the figures a text states (never the code under
 * test's): each as a number, so that `1,250億` and `125 billion`, `三成` and
 * `30%`, `百分之四十五` and `45 percent` are one. Enough for what the
 * generated briefs and the fixtures write; a year is told apart.
 */
type Lang = 'zh-Hant' | 'en'

export interface ReadFigure {
  value: number
  percent: boolean
  year: boolean
}

const EN_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 }
const EN_SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 }
const ZH_NUMERALS: Record<string, number> = { 一: 1, 二: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }

export function readFigures(text: string, lang: Lang): ReadFigure[] {
  const found: ReadFigure[] = []
  if (lang === 'en') {
    // "10 to 15 percent": the unit written once holds for both ends.
    text = text.replace(/(\d+(?:\.\d+)?) to (\d+(?:\.\d+)?) percent\b/g, '$1 percent to $2 percent')
    for (const m of text.matchAll(/(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s(thousand|million|billion|trillion))?(\s?%|\spercent\b)?/g)) {
      const raw = m[1]!.replace(/,/g, '') + (m[2] ?? '')
      const value = Number(raw) * (m[3] ? EN_SCALES[m[3]]! : 1)
      const year = !m[2] && !m[3] && !m[4] && !m[1]!.includes(',') && /^(19|20)\d\d$/.test(m[1]!)
      found.push({ value, percent: Boolean(m[4]), year })
    }
    for (const m of text.matchAll(/\b(two|three|four|five|six|seven|eight|nine|ten)\b/gi)) found.push({ value: EN_WORDS[m[1]!.toLowerCase()]!, percent: false, year: false })
    return found
  }
  for (const m of text.matchAll(/(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?([萬億]?)(%|％)?/g)) {
    const raw = m[1]!.replace(/,/g, '') + (m[2] ?? '')
    const value = Number(raw) * (m[3] === '萬' ? 1e4 : m[3] === '億' ? 1e8 : 1)
    const year = !m[2] && !m[3] && !m[4] && /^(19|20)\d\d$/.test(m[1]!)
    found.push({ value, percent: Boolean(m[4]), year })
  }
  for (const m of text.matchAll(/百分之(?:([一二三四五六七八九])?十)?([一二三四五六七八九])?/g)) {
    if (!m[0].slice(3)) continue
    const tens = m[0].includes('十') ? (m[1] ? ZH_NUMERALS[m[1]]! : 1) : 0
    found.push({ value: tens * 10 + (m[2] ? ZH_NUMERALS[m[2]]! : 0), percent: true, year: false })
  }
  for (const m of text.matchAll(/(?<!百分之[一二三四五六七八九十]*)([一二兩三四五六七八九])(?=成)/g)) found.push({ value: ZH_NUMERALS[m[1]!]! * 10, percent: true, year: false })
  // A count with its measure word: 兩至三年, 三座, 八個月 (not 一, which is "a").
  for (const m of text.matchAll(/([二兩三四五六七八九十])(?=(?:[至到][一二兩三四五六七八九十])?(?:個月|年|座|倍|週))/g)) found.push({ value: ZH_NUMERALS[m[1]!] ?? 10, percent: false, year: false })
  return found
}

/** The figures as keys (`86.7%`, `125000000000`), years too unless `years` is false. */
export function figureSet(text: string, lang: Lang, years = true): Set<string> {
  return new Set(
    readFigures(text, lang)
      .filter((f) => years || !f.year)
      .map((f) => `${Number(f.value.toPrecision(10))}${f.percent ? '%' : ''}`),
  )
}
