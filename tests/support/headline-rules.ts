/**
 * The README's rules for a derived headline, read by the tests themselves
 * (never by the code under test): where a headline may stop, and when it must
 * carry `…`. Each rule returns what it found wrong, in words, or nothing.
 * The word lists here are the tests' own, on purpose not scripts/deck/words.ts.
 */

import { figureSet } from './figure-oracle.ts'

type Lang = 'zh-Hant' | 'en'

export const LIMIT: Record<Lang, number> = { 'zh-Hant': 24, en: 64 }
/** The README's longer line for a headline that keeps its bullet's figure. */
export const FIGURE_LIMIT: Record<Lang, number> = { 'zh-Hant': 32, en: 84 }

const chars = (text: string) => Array.from(text).length

/** English words that need what follows them: a headline never ends on one. */
const EN_NEEDS_MORE = new Set(
  `a an the this these those each every any some no such its their his her our my your
   of in on at to for with by from into onto about against among between through during without within under over
   above below after before than as like via per including despite towards toward across around near
   and or but nor so yet which who that whose where when while because although though whereas unless if whether
   is are was were be been being am has have had do does did will would shall should can could may might must
   not also even just very more most less least too rather quite nearly almost approximately roughly some
   about around up down out off`
    .split(/\s+/)
    .filter(Boolean),
)

/** Chinese words that need what follows them (particles, prepositions, approximators, measure starts). */
const ZH_NEEDS_MORE = [
  '的', '之', '和', '與', '及', '並', '或', '在', '對', '把', '被', '將', '以', '為', '從', '向', '於', '由', '而', '但',
  '且', '其', '該', '各', '每', '約', '近', '逾', '達', '超過', '高達', '多達', '大約', '將近', '至', '到', '逐', '比',
  '增加至', '降至', '升至', '達到', '如', '若', '因為', '雖然', '仍', '也', '都', '還', '更', '最', '很', '已',
]
/** Longer words ending in one of the above that stand on their own (自由 is no 由). */
const ZH_WHOLE = ['自由', '理由', '方向', '目的', '附近', '最近', '到達', '抵達', '發達', '作為', '認為', '行為', '存在', '現在', '面對', '反對', '普及', '可以', '所以', '難以', '予以', '尤其', '等於']

const NUMERAL = String.raw`(?:\d+(?:,\d{3})*(?:\.\d+)?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\b|[一二兩三四五六七八九十]+)`

/**
 * Stretches a headline may not stop inside: an amount with its separators,
 * currency and unit; a range; a reduplication; a URL or a Latin word. Found by
 * the tests' own patterns.
 */
const WHOLE_SPANS: RegExp[] = [
  // Amounts: NT$1,250 billion, ¥980 billion, US$3.5 million, 1.2 GW, 45%, 1,250億元, 新臺幣3,250億元, 12.5萬噸.
  /(?:NT\$|US\$|\$|¥|€|£|新臺幣)?\d+(?:,\d{3})*(?:\.\d+)?(?:\s?(?:billion|million|trillion|thousand(?: tonnes)?|GW|MW|kW|km|percent|per cent|tonnes|%|years?|months?))?/gu,
  /\d+(?:,\d{3})*(?:\.\d+)?(?:[萬億兆千百]+(?:元|美元|日圓|噸)?|\s?(?:元|美元|日圓|噸|年|個月|%|％|GW|MW|倍))?/gu,
  // Ranges: one to two years, 2025–2027, 10 to 15 percent, 兩至三年, 10%至15%.
  new RegExp(String.raw`${NUMERAL}\s?%?\s?(?:to|至|到|~|～|–|-)\s?${NUMERAL}(?:\s?(?:years|months|percent|%|年|個月|％))?`, 'gu'),
  // Reduplications: year by year, step by step, year after year, 逐年, 年復一年, 日益.
  /\b([A-Za-z]+) (?:by|after) \1\b/gu,
  /逐[年月步一日漸]|年復一年|日益|一年比一年/gu,
  // A URL, a Latin word (with its hyphens) inside any text.
  /https?:\/\/[A-Za-z0-9./_%#?=&-]+/gu,
  /[A-Za-z0-9]+(?:[-‐][A-Za-z0-9]+)*/gu,
]

/** Where sentences and clauses end: a headline stopping just before one needs no `…`. */
const EN_CLAUSE_END = /^[”’"')\]]*(?:[.!?;:,]|\s[—–-]\s|—)/u
const ZH_CLAUSE_END = /^[」』》〉）】”’"')\]]*[。！？；：，,;:!?—]/u

export interface HeadlineProblem {
  rule: string
  detail: string
}

/**
 * Where the headline's text stands in its bullet: runs of the bullet's own
 * text, in order (what a sub-editor dropped lies between them), the first
 * letter of an English headline perhaps made a capital. Undefined when the
 * headline says something its bullet does not, in that order.
 */
export function piecesIn(kept: string, bullet: string, lang: Lang): [number, number][] | undefined {
  const failed = new Set<string>()
  // Depth-first, longest run first: the first way to read the whole headline from the bullet in at most MAX_PIECES runs.
  const search = (at: number, from: number, depth: number): [number, number][] | undefined => {
    let rest = kept.slice(at)
    let skipped = 0
    if (lang === 'en' && depth > 0 && rest.startsWith(' ')) {
      rest = rest.slice(1)
      skipped = 1
    }
    if (rest.length === 0) return []
    if (depth === MAX_PIECES || failed.has(`${at}/${from}`)) return undefined
    for (let length = rest.length; length > 0; length--) {
      const wanted = rest.slice(0, length)
      const variants = depth === 0 && lang === 'en' ? [wanted, wanted.charAt(0).toLowerCase() + wanted.slice(1)] : [wanted]
      for (const variant of variants) {
        for (let found = bullet.indexOf(variant, from); found >= 0; found = bullet.indexOf(variant, found + 1)) {
          const next = search(at + skipped + length, found + length, depth + 1)
          if (next) return [[found, found + length], ...next]
        }
      }
    }
    failed.add(`${at}/${from}`)
    return undefined
  }
  return search(0, 0, 0)
}

/** At most this many runs of the bullet make a headline: attribution, a gloss, a time phrase, a connective dropped. */
const MAX_PIECES = 5

/** Everything wrong with `headline` as the slide's headline of `bullet`, by the README's rules. */
export function headlineProblems(headline: string, bullet: string, lang: Lang): HeadlineProblem[] {
  const problems: HeadlineProblem[] = []
  const say = (rule: string, detail: string) => problems.push({ rule, detail })
  // A line and a third is allowed to a headline that keeps a figure of its bullet, never more.
  const keepsFigure = [...figureSet(headline.replace(/…$/, ''), lang)].some((key) => figureSet(bullet, lang).has(key))
  const limit = keepsFigure ? FIGURE_LIMIT[lang] : LIMIT[lang]
  if (chars(headline) > limit) say('too-long', `${chars(headline)} characters, over ${limit}`)
  if (headline === bullet) return problems
  const kept = headline.replace(/…$/, '')
  const pieces = piecesIn(kept, bullet, lang)
  if (!pieces || pieces.length > MAX_PIECES) {
    say('not-the-bullets-words', 'the headline is not the bullet’s own words in their order')
    return problems
  }
  const cut = pieces.at(-1)![1]
  // An aside in brackets the headline dropped at its end: what follows it is what the end is judged by.
  const rest = bullet.slice(cut).replace(/^\s?[（(][^（）()]*[）)]/u, '')
  const clauseEnd = (lang === 'en' ? EN_CLAUSE_END : ZH_CLAUSE_END).test(rest) || rest.length === 0
  if (!headline.endsWith('…') && !clauseEnd) say('no-ellipsis', `stops before "${rest.slice(0, 12)}" without …`)
  if (headline.endsWith('…') && rest.replace(/^[\s。.！!？?]+$/u, '').length === 0) say('needless-ellipsis', 'ends where its bullet ends, with …')

  // Neither the end nor any dropped stretch may split a whole: an amount, a range, a word.
  const edges = [cut, ...pieces.slice(1).map(([start]) => start), ...pieces.slice(0, -1).map(([, end]) => end)]
  for (const pattern of WHOLE_SPANS) {
    for (const m of bullet.matchAll(pattern)) {
      const start = m.index
      const end = start + m[0].length
      for (const edge of edges) if (start < edge && edge < end) say('inside-a-whole', `stops or skips inside "${m[0]}"`)
    }
  }
  const sentenceEnd = /^[”’"')\]」』）]*[.!?。！？]/u.test(rest)
  if (!sentenceEnd) {
    const last = lastWord(kept, lang)
    if (last) say('needs-what-follows', `ends on "${last}"`)
  }
  if (unclosed(kept).length > 0) say('open-quote', `leaves ${unclosed(kept).join(' ')} open`)
  return problems
}

/** The headline's last word when it is one that needs what follows, else undefined. */
function lastWord(kept: string, lang: Lang): string | undefined {
  if (lang === 'en') {
    const word = (kept.split(/\s+/).at(-1) ?? '').replace(/^[“"‘'([]+|[”"’')\],;:.!?]+$/gu, '').toLowerCase()
    if (EN_NEEDS_MORE.has(word)) return word
    if (/['’]s$/.test(word)) return word
    return undefined
  }
  if (ZH_WHOLE.some((word) => kept.endsWith(word))) return undefined
  return ZH_NEEDS_MORE.find((word) => kept.endsWith(word))
}

/** Quotes and brackets opened and not closed, counted here independently of the derivation. */
export function unclosed(text: string): string[] {
  const open: string[] = []
  if ((text.match(/"/g) ?? []).length % 2 === 1) open.push('"')
  for (const [opener, closer] of ['()', '“”', '「」', '《》', '（）', '『』', '[]', '〈〉', '【】', '｛｝', '{}']) {
    if (text.split(opener!).length !== text.split(closer!).length) open.push(opener!)
  }
  return open
}
