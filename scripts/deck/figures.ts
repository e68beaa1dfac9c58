import type { Lang } from '../brief/model.ts'

/**
 * The figures a piece of text states — amounts, percentages, counts, ranges,
 * years — each with the value it stands for, so that the same figure written
 * two ways (`1,250億元` and `NT$125 billion`, `三成` and `30%`, `兩至三年` and
 * `two to three years`) is known as one. Used to check that every figure on a
 * slide is in the brief, and that a bullet's two headlines carry the same ones.
 */
export interface Figure {
  /** As written. */
  text: string
  /** Where it starts and ends in the text (UTF-16 units). */
  start: number
  end: number
  /** The value, or both ends of a range. */
  values: number[]
  percent: boolean
  /** A calendar year (2031, 2031年, 2025–2027): a date, not the point a bullet makes. */
  year: boolean
}

/** One key per figure value: `1.25e+11`, `30%`, `2–3`. */
export function figureKey(figure: Figure): string {
  return figure.values.map((v) => String(Number(v.toPrecision(10)))).join('–') + (figure.percent ? '%' : '')
}

export function figureKeys(text: string, lang: Lang): Set<string> {
  return new Set(findFigures(text, lang).map(figureKey))
}

/** Every figure of the text, in order, ranges joined. */
export function findFigures(text: string, lang: Lang): Figure[] {
  const singles = lang === 'en' ? englishFigures(text) : chineseFigures(text)
  return joinRanges(text, singles, lang)
}

/**
 * The figure a bullet exists to give: its first amount, share or measure
 * (`86.7%`, `NT$6.3 billion`, `200,000 tonnes`), else its first count
 * (`two-week`, `eight months`); never a year.
 */
export function keyFigure(text: string, lang: Lang, among: (figure: Figure) => boolean = () => true): Figure | undefined {
  const figures = findFigures(text, lang).filter((figure) => !figure.year && among(figure))
  return figures.find((figure) => !isSmallCount(figure)) ?? figures[0]
}

/** A small whole number with no unit of amount: a count of things, rarely the point. */
function isSmallCount(figure: Figure): boolean {
  return !figure.percent && figure.values.every((v) => Number.isInteger(v) && v <= 12) && !/[$€£¥元幣]|\d[.,]\d/u.test(figure.text)
}

const SCALE: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  m: 1e6,
  mn: 1e6,
  billion: 1e9,
  bn: 1e9,
  trillion: 1e12,
  tn: 1e12,
}

const WORD_VALUE: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, dozen: 12,
}

const EN_NUMBER = String.raw`(?:(?:NT|US|HK|A|C|S)?\$|[€£¥]|RMB\s?)?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`
const EN_SCALE = String.raw`(?:\s?(?:thousand|million|billion|trillion|bn|mn|tn)\b|(?<=\d)(?:k|m|bn)\b)`
const EN_PERCENT = String.raw`(?:\s?%|\s(?:percent|per cent)\b)`
const EN_FIGURE = new RegExp(
  String.raw`(?<![\w.,])(?:${EN_NUMBER}(?:st|nd|rd|th)?${EN_SCALE}?${EN_PERCENT}?|\b(?:${Object.keys(WORD_VALUE).join('|')})\b(?:${EN_SCALE})?${EN_PERCENT}?)`,
  'giu',
)

function englishFigures(text: string): Figure[] {
  const figures: Figure[] = []
  for (const m of text.matchAll(EN_FIGURE)) {
    const written = m[0]
    const lower = written.toLowerCase()
    const digits = /\d[\d,]*(?:\.\d+)?/.exec(written)?.[0]
    let value = digits !== undefined ? Number(digits.replace(/,/g, '')) : WORD_VALUE[/^[a-z]+/.exec(lower)?.[0] ?? '']
    if (value === undefined) continue
    const scale = /(thousand|million|billion|trillion|bn|mn|tn)\b|(?<=\d)(k|m)\b/.exec(lower.replace(/percent|per cent/, ''))
    if (scale) value *= SCALE[scale[1] ?? scale[2] ?? ''] ?? 1
    const percent = /%|percent|per cent/.test(lower)
    const year = digits !== undefined && /^(?:1[89]|20|21)\d\d$/.test(written) && !percent
    figures.push({ text: written, start: m.index, end: m.index + written.length, values: [value], percent, year })
  }
  return figures
}

const ZH_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }
const ZH_SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 }
const ZH_BIG_UNIT: Record<string, number> = { 萬: 1e4, 億: 1e8, 兆: 1e12 }
/** What may follow a Chinese numeral for it to be a figure: a measure word or unit (三年, 兩至三個月, 三成). */
const ZH_MEASURE = '成年個月週周天日倍項名位人家座艘架枚次國省國份篇場輪波批層級所條台臺輛噸公里公噸毫米度'
const ZH_NUMERAL_RUN = '〇零一二兩三四五六七八九十百千萬億兆'
const ZH_FIGURE = new RegExp(
  String.raw`(?:新臺幣|新台幣|人民幣|港幣|美金|(?:NT|US|HK)?\$)?\d{1,3}(?:,\d{3})+(?:\.\d+)?[萬億兆千百]*|` +
    String.raw`(?:新臺幣|新台幣|人民幣|港幣|美金|(?:NT|US|HK)?\$)?\d+(?:\.\d+)?[萬億兆千百]*|` +
    String.raw`百分之[${ZH_NUMERAL_RUN}\d.]+|` +
    String.raw`[${ZH_NUMERAL_RUN}]+(?=[至到~～–—-]?[${ZH_NUMERAL_RUN}]*(?:個)?[${ZH_MEASURE}])`,
  'gu',
)

function chineseFigures(text: string): Figure[] {
  const figures: Figure[] = []
  for (const m of text.matchAll(ZH_FIGURE)) {
    let written = m[0]
    let end = m.index + written.length
    let value: number | undefined
    let percent = false
    if (written.startsWith('百分之')) {
      const number = written.slice(3)
      value = /\d/.test(number) ? Number(number) : chineseNumeral(number)
      percent = true
    } else if (/\d/.test(written)) {
      const digits = /\d[\d,]*(?:\.\d+)?/.exec(written)![0]
      value = Number(digits.replace(/,/g, ''))
      for (const unit of written.slice(written.indexOf(digits) + digits.length)) value *= ZH_BIG_UNIT[unit] ?? ZH_SMALL_UNIT[unit] ?? 1
    } else {
      value = chineseNumeral(written)
      // 一 alone is "a, one" (一項政策, 一個): a count of one is no figure a slide is checked for.
      if (value === 1 && text[end] !== '成') continue
    }
    if (value === undefined || Number.isNaN(value)) continue
    const after = text.slice(end)
    const unit = /^\s?(?:%|％|個百分點|成)/.exec(after)
    if (unit) {
      if (unit[0].includes('成')) value *= 10
      percent = true
      written += unit[0]
      end += unit[0].length
    }
    const year = !percent && /^(?:\d{4}|[〇零一二三四五六七八九]{4})$/.test(m[0]) && /^\s?年/.test(after) && value >= 1800 && value <= 2200
    const yearAlone = !percent && /^(?:1[89]|20|21)\d\d$/.test(m[0]) && !/^\s?[萬億個%％]/.test(after)
    figures.push({ text: written, start: m.index, end, values: [value], percent, year: year || yearAlone })
  }
  return figures
}

/** 三千五百 → 3500, 兩 → 2, 十五 → 15, 二十 → 20, 一萬二千 → 12000. */
function chineseNumeral(text: string): number | undefined {
  // 二〇三〇: digits read in place, as a year is written.
  if (text.length > 1 && [...text].every((char) => char in ZH_DIGIT)) return Number([...text].map((char) => ZH_DIGIT[char]).join(''))
  let total = 0
  let section = 0
  let digit: number | undefined
  for (const char of text) {
    if (char in ZH_DIGIT) {
      digit = ZH_DIGIT[char]!
    } else if (char in ZH_SMALL_UNIT) {
      section += (digit ?? 1) * ZH_SMALL_UNIT[char]!
      digit = undefined
    } else if (char in ZH_BIG_UNIT) {
      total += (section + (digit ?? 0) || 1) * ZH_BIG_UNIT[char]!
      section = 0
      digit = undefined
    } else return undefined
  }
  return total + section + (digit ?? 0)
}

const RANGE_LINK: Record<Lang, RegExp> = {
  en: /^\s?(?:to|through|–|—|-|~)\s?$/i,
  'zh-Hant': /^\s?(?:至|到|~|～|–|—|-)\s?$/,
}

/** Two figures joined by a range link are one figure: `10 to 15 percent`, `兩至三年`, `2025–2027`. */
function joinRanges(text: string, figures: Figure[], lang: Lang): Figure[] {
  const out: Figure[] = []
  for (const figure of figures) {
    const previous = out.at(-1)
    if (previous && previous.values.length === 1 && RANGE_LINK[lang].test(text.slice(previous.end, figure.start))) {
      // The unit written once at the end holds for both ends: `10 to 15 percent`, `NT$3 to 4 billion`.
      const scale = figure.values[0]! / (leadingNumber(figure.text) ?? figure.values[0]!)
      const first = scale !== 1 && previous.values[0] === leadingNumber(previous.text) ? previous.values[0]! * scale : previous.values[0]!
      out[out.length - 1] = {
        text: text.slice(previous.start, figure.end),
        start: previous.start,
        end: figure.end,
        values: [first, figure.values[0]!],
        percent: figure.percent || previous.percent,
        year: previous.year && figure.year,
      }
      continue
    }
    out.push(figure)
  }
  return out
}

/** The number as first written, before any scale: `4` of `4 billion`, `三` of `三年`. */
function leadingNumber(text: string): number | undefined {
  const digits = /\d[\d,]*(?:\.\d+)?/.exec(text)?.[0]
  if (digits !== undefined) return Number(digits.replace(/,/g, ''))
  const word = /^[a-z]+/i.exec(text)?.[0]?.toLowerCase()
  if (word && word in WORD_VALUE) return WORD_VALUE[word]
  const numeral = new RegExp(`^[${ZH_NUMERAL_RUN}]+`).exec(text)?.[0]
  return numeral ? chineseNumeral(numeral.replace(/[萬億兆]$/, '')) : undefined
}
