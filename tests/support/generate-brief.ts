/**
 * Briefs a desk might write next, generated for tests: seeded and deterministic
 * (the same seed gives the same brief, byte for byte), valid, bilingual and
 * aligned (section i and bullet j of one language say what those of the other
 * say). They carry what breaks a layout or a cutting rule and what the shipped
 * brief lacks: many sections and bullets, bullets from a few words to ~400
 * characters, ledes to ~800, amounts with their separators and units, ranges,
 * reduplications, Latin acronyms in Chinese, quotes and brackets of every kind,
 * long URLs and words, an emoji.
 *
 * Pure and free of test-framework imports: other test files and the corpus
 * runner (tests/corpus/) import it as a plain module.
 */

export type GenLang = 'zh-Hant' | 'en'

export interface GeneratedSection {
  heading: Record<GenLang, string>
  points: Record<GenLang, string>[]
}

export interface GeneratedBrief {
  seed: number
  /** The brief file's text, `\n` line ends, ending with a newline. */
  text: string
  lede: Record<GenLang, string>
  sections: GeneratedSection[]
}

export interface GenerateOptions {
  /** Sections, 1–8 (default: drawn from the seed). */
  sections?: number
  /** Bullets per section, 1–8 (default: drawn per section from the seed). */
  points?: number
}

/** A small fast PRNG (mulberry32): the same seed always gives the same sequence. */
export function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export class Draw {
  constructor(readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!
  }
  chance(p: number): boolean {
    return this.next() < p
  }
}

type Pair = Record<GenLang, string>
const pair = (zh: string, en: string): Pair => ({ 'zh-Hant': zh, en })

const SUBJECTS: Pair[] = [
  pair('能源部', 'The energy ministry'),
  pair('工業技術研究院（ITRI）', "Taiwan's Industrial Technology Research Institute (ITRI)"),
  pair('各省電網營運商', 'Provincial grid operators'),
  pair('中央銀行', 'The central bank'),
  pair('台積電（TSMC）及其供應商', 'TSMC and its suppliers'),
  pair('沿海造船廠', 'Coastal shipyards'),
  pair('解放軍東部戰區', 'The PLA Eastern Theater Command'),
  pair('半導體出口商', 'Semiconductor exporters'),
  pair('國際能源總署（IEA）', 'The International Energy Agency (IEA)'),
  pair('北約（NATO）盟國', 'NATO allies'),
  pair('地方政府', 'Local governments'),
  pair('AI晶片設計公司', 'AI chip designers'),
]

const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six']
const ZH_NUMERALS = ['一', '兩', '三', '四', '五', '六']

/** A comma-grouped integer: 1250 → "1,250". */
function grouped(n: number): string {
  return n.toLocaleString('en-US')
}

/** An amount with its unit, both languages: comma-grouped, decimal, currency, power, percent. */
function amount(d: Draw): Pair {
  switch (d.int(0, 10)) {
    case 0: {
      const n = d.int(11, 99) * 50
      return pair(`${grouped(n * 10)}億元`, `NT$${grouped(n)} billion`)
    }
    case 1: {
      const n = d.int(2, 99) * 10
      return pair(`${grouped(n * 10)}億日圓`, `¥${grouped(n)} billion`)
    }
    case 2: {
      const n = (d.int(11, 95) / 10).toFixed(1)
      return pair(`${n} GW`, `${n} GW`)
    }
    case 3: {
      const n = d.int(3, 95)
      return pair(`${n}%`, `${n}%`)
    }
    case 4: {
      const n = d.int(1, 9) * 1000 + d.int(1, 9) * 50
      return pair(`新臺幣${grouped(n)}億元`, `NT$${grouped(n * 100)} million`)
    }
    case 5: {
      const n = d.int(12, 480) / 10
      // 萬 is ten thousand: 12.5萬噸 is 125 thousand tonnes.
      return pair(`${n.toFixed(1)}萬噸`, `${grouped(Math.round(n * 10))} thousand tonnes`)
    }
    case 6: {
      const n = d.int(2, 40) * 125
      return pair(`${grouped(n)}億美元`, `US$${grouped(n * 100)} million`)
    }
    case 7: {
      // A decimal share: 86.7%.
      const n = (d.int(500, 995) / 10).toFixed(1)
      return pair(`${n}%`, `${n}%`)
    }
    case 8: {
      // Tenths in Chinese: 三成 is 30%.
      const n = d.int(2, 9)
      return pair(`${ZH_TENTHS[n]}成`, `${n * 10}%`)
    }
    case 9: {
      const n = d.int(11, 95)
      return pair(`百分之${chineseNumber(n)}`, `${n} percent`)
    }
    default: {
      const n = d.int(2, 9) * 100 + d.int(1, 9) * 10
      return pair(`${grouped(n * 1000)}噸`, `${grouped(n * 1000)} tonnes`)
    }
  }
}

const ZH_TENTHS = ['', '一', '兩', '三', '四', '五', '六', '七', '八', '九']
const ZH_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** 11 → 十一, 45 → 四十五: a Chinese numeral below a hundred. */
function chineseNumber(n: number): string {
  const tens = Math.floor(n / 10)
  return `${tens === 0 ? '' : tens === 1 ? '十' : `${ZH_DIGITS[tens]}十`}${ZH_DIGITS[n % 10]}`
}

/** A word that needs the amount after it, in both languages. */
function approximately(d: Draw): Pair {
  return d.pick([
    pair('約', 'about '),
    pair('近', 'nearly '),
    pair('逾', 'more than '),
    pair('超過', 'over '),
    pair('達', 'some '),
    pair('大約', 'roughly '),
    pair('', ''),
  ])
}

function range(d: Draw): Pair {
  const i = d.int(0, 4)
  switch (d.int(0, 3)) {
    case 0:
      return pair(`${ZH_NUMERALS[i]}至${ZH_NUMERALS[i + 1]}年`, `${NUMBER_WORDS[i]} to ${NUMBER_WORDS[i + 1]} years`)
    case 1: {
      const y = d.int(2024, 2030)
      const to = y + d.int(1, 5)
      return pair(`${y}–${to}年`, `${y}–${to}`)
    }
    case 2: {
      const a = d.int(2, 20)
      const b = a + d.int(2, 15)
      return pair(`${a}%至${b}%`, `${a} to ${b} percent`)
    }
    default:
      return pair(`${ZH_NUMERALS[i]}到${ZH_NUMERALS[i + 1]}個月`, `${NUMBER_WORDS[i]} to ${NUMBER_WORDS[i + 1]} months`)
  }
}

const REDUPLICATIONS: Pair[] = [
  pair('逐年', 'year by year'),
  pair('逐月', 'month by month'),
  pair('逐步', 'step by step'),
  pair('逐一', 'one by one'),
  pair('年復一年', 'year after year'),
  pair('日益', 'day by day'),
]

const QUOTED: Pair[] = [
  pair('「戰略儲備」', '"strategic reserve"'),
  pair('『有序衰退』', "'managed decline'"),
  pair('《中國製造2025》', '“Made in China 2025”'),
  pair('〈能源轉型白皮書〉', '‘energy transition white paper’'),
  pair('（見附件〔B〕）', '(see annex [B])'),
  pair('「所謂的『去風險』」', '"so-called \'de-risking\'"'),
  pair('【緊急】', '[urgent]'),
  pair('｛暫定｝', '{provisional}'),
]

const LONG_WORDS: Pair[] = [
  pair('https://www.example.gov.tw/energy/reports/2026/annual-grid-resilience-assessment-final-version.pdf', 'https://www.example.gov.tw/energy/reports/2026/annual-grid-resilience-assessment-final-version.pdf'),
  pair('Donaudampfschifffahrtsgesellschaft', 'Donaudampfschifffahrtsgesellschaft'),
  pair('counter-disinformation-and-cyber-resilience', 'counter-disinformation-and-cyber-resilience'),
]

const EMOJI = ['⚡', '🚢', '📉']

/** One clause, in both languages, carrying one of the hard features (or none). */
function clause(d: Draw): Pair {
  const s = d.pick(SUBJECTS)
  const z = s['zh-Hant']
  const e = s.en
  switch (d.int(0, 11)) {
    case 0: {
      const a = amount(d)
      const w = approximately(d)
      return pair(`${z}獲政府${w['zh-Hant']}${a['zh-Hant']}補助`, `${e} received ${w.en}${a.en} in state subsidies`)
    }
    case 1: {
      const a = amount(d)
      const w = approximately(d)
      return pair(`${z}計劃投入${w['zh-Hant']}${a['zh-Hant']}擴充產能`, `${e} plan to spend ${w.en}${a.en} on new capacity`)
    }
    case 2: {
      const r = range(d)
      return pair(`${z}在關鍵技術上仍將落後${r['zh-Hant']}`, `${e} will still trail in key technologies by ${r.en}`)
    }
    case 3: {
      const r = range(d)
      return pair(`${z}預計在${r['zh-Hant']}內完成第一階段部署`, `${e} expect to finish the first phase within ${r.en}`)
    }
    case 4: {
      const r = d.pick(REDUPLICATIONS)
      return pair(`${z}的市場占有率${r['zh-Hant']}下降`, `${e} see their market share falling ${r.en}`)
    }
    case 5: {
      const r = d.pick(REDUPLICATIONS)
      return pair(`${z}${r['zh-Hant']}擴大對外採購規模`, `${e} are expanding foreign purchases ${r.en}`)
    }
    case 6: {
      const q = d.pick(QUOTED)
      return pair(`${z}將此計畫稱為${q['zh-Hant']}`, `${e} call the plan ${q.en}`)
    }
    case 7: {
      const q = d.pick(QUOTED)
      return pair(`${z}援引${q['zh-Hant']}作為依據`, `${e} cite ${q.en} as grounds for action`)
    }
    case 8: {
      const w = d.pick(LONG_WORDS)
      return pair(`${z}的報告見${w['zh-Hant']}`, `${e} published the report at ${w.en}`)
    }
    case 9: {
      const a = amount(d)
      const r = d.pick(REDUPLICATIONS)
      return pair(`${z}的出口額${r['zh-Hant']}增加至${a['zh-Hant']}`, `${e} have raised exports ${r.en} to ${a.en}`)
    }
    case 10:
      if (d.chance(0.3)) {
        const emoji = d.pick(EMOJI)
        return pair(`${z}發出供電警報${emoji}`, `${e} issued a power alert ${emoji}`)
      }
      return pair(`${z}正加強與盟友的協調`, `${e} are strengthening coordination with allies`)
    default:
      return pair(`${z}面臨嚴重的人才短缺`, `${e} face a serious shortage of skilled engineers`)
  }
}

const SPEAKERS: Pair[] = [
  pair('經濟部', 'The Ministry of Economic Affairs'),
  pair('國安局', 'The National Security Bureau'),
  pair('主計總處', 'The statistics office'),
  pair('業界分析師', 'Industry analysts'),
]

/** Who says it, or when and where: what a sub-editor drops first. Wraps a clause that opens a bullet. */
function framed(d: Draw, c: Pair): Pair {
  const s = d.pick(SPEAKERS)
  const year = d.int(2024, 2032)
  switch (d.int(0, 7)) {
    case 0:
      return pair(`${s['zh-Hant']}預估，${c['zh-Hant']}`, `${s.en} estimates that ${lowerFirst(c.en)}`)
    case 1:
      return pair(`據${s['zh-Hant']}統計，${c['zh-Hant']}`, `According to ${lowerFirst(s.en)}, ${lowerFirst(c.en)}`)
    case 2:
      return pair(`至${year}年，${c['zh-Hant']}`, `By ${year}, ${lowerFirst(c.en)}`)
    case 3:
      return pair(`在${year}年的年度檢討中，${c['zh-Hant']}`, `In the ${year} annual review, ${lowerFirst(c.en)}`)
    case 4:
      return pair(`此外，${c['zh-Hant']}`, `In addition, ${lowerFirst(c.en)}`)
    default:
      return c
  }
}

/** A share a speaker reports of its own: 「X表示其…已達Y」, "X says its … has reached Y". */
function ownShare(d: Draw): Pair {
  const s = d.pick(SUBJECTS)
  const metric = d.pick([pair('製程用水回收率', 'process-water recycling rate'), pair('產能利用率', 'capacity utilisation'), pair('國產化比例', 'domestic content share')])
  const share = (d.int(500, 995) / 10).toFixed(1)
  const before = (Number(share) - d.int(5, 40) / 10).toFixed(1)
  const year = d.int(2018, 2022)
  return pair(
    `${s['zh-Hant']}表示其${metric['zh-Hant']}已達${share}%，較${year}年的${before}%提高`,
    `${s.en} says its ${metric.en} has reached ${share}%, up from ${before}% in ${year}`,
  )
}

/** How one clause joins the next, in both languages. */
function joiner(d: Draw): Pair {
  return d.pick([
    pair('，而', ', while '),
    pair('；', '; '),
    pair('。', '. '),
    pair('，並且', ', and '),
    pair('，但', ', but '),
    pair('，因為', ' because '),
    pair('：', ': '),
    pair('——', ' — '),
  ])
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** Clauses joined until the English reaches `target` characters, ending at a sentence end or not. */
function passage(d: Draw, target: number): Pair {
  const first = d.chance(0.12) ? ownShare(d) : framed(d, clause(d))
  let zh = first['zh-Hant']
  let en = first.en
  while (en.length < target) {
    const j = joiner(d)
    const c = clause(d)
    // After a full stop the next sentence starts with a capital.
    const next = j.en === '. ' ? capitalize(c.en) : lowerFirst(c.en)
    if (en.length + j.en.length + next.length > target + 120) break
    zh += j['zh-Hant'] + c['zh-Hant']
    en += j.en + next
  }
  if (d.chance(0.6)) {
    zh += '。'
    en += '.'
  }
  return pair(zh, en)
}

/** "The energy ministry" inside a sentence; names (TSMC, NATO) keep their capitals. */
function lowerFirst(text: string): string {
  return /^(The|Provincial|Local|Coastal|Semiconductor) /.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text
}

/** A bullet of a few words (a phrase of its own) up to ~400 characters. */
function bullet(d: Draw): Pair {
  const size = d.next()
  if (size < 0.15) {
    const s = d.pick(SUBJECTS)
    return d.pick([
      pair(`${s['zh-Hant']}立場未變`, `${s.en} unchanged`),
      pair(`出口${d.pick(REDUPLICATIONS)['zh-Hant']}下降`, `Exports falling ${d.pick(REDUPLICATIONS).en}`),
      ((a) => pair(`預算：${a['zh-Hant']}`, `Budget: ${a.en}`))(amount(d)),
    ])
  }
  if (size < 0.55) return passage(d, d.int(40, 130))
  if (size < 0.85) return passage(d, d.int(130, 260))
  return passage(d, d.int(300, 400))
}

const HEADINGS: Pair[] = [
  pair('能源安全', 'Energy security'),
  pair('產業政策與補助', 'Industrial policy and subsidies'),
  pair('軍事動態', 'Military activity'),
  pair('金融與匯率', 'Finance and exchange rates'),
  pair('供應鏈「去風險」', 'Supply-chain "de-risking"'),
  pair('科技競爭（AI與晶片）', 'Technology race (AI and chips)'),
  pair('外交與盟友', 'Diplomacy and allies'),
  pair('展望：2026–2028年', 'Outlook: 2026–2028'),
  pair('人口與勞動力', 'Population and workforce'),
]

/** A valid, aligned bilingual brief: 1–8 sections of 1–8 bullets, drawn from `seed`. */
export function generateBrief(seed: number, options: GenerateOptions = {}): GeneratedBrief {
  const d = new Draw(random(seed))
  const sectionCount = options.sections ?? d.int(1, 8)
  const lede = passage(d, d.int(60, 800))
  const sections: GeneratedSection[] = []
  for (let i = 0; i < sectionCount; i++) {
    const heading = d.pick(HEADINGS)
    const count = options.points ?? d.int(1, 8)
    const points = Array.from({ length: count }, () => bullet(d))
    sections.push({ heading: pair(`${heading['zh-Hant']}（${i + 1}）`, `${heading.en} (${i + 1})`), points })
  }
  return { seed, text: briefText(lede, sections), lede, sections }
}

/** The brief file for these texts: Chinese part, `Summary:`, English part. */
export function briefText(lede: Pair, sections: GeneratedSection[]): string {
  const part = (lang: GenLang) => [
    lede[lang],
    ...sections.flatMap((section) => [section.heading[lang], ...section.points.map((p) => `- ${p[lang]}`)]),
  ]
  return [...part('zh-Hant'), 'Summary:', ...part('en')].join('\n') + '\n'
}

/** A brief made malformed on purpose, and the problems the README documents for it (`line:column`, rule). */
export interface MalformedBrief {
  kind: 'counts-swapped' | 'empty-point' | 'missing-summary' | 'section-missing'
  text: string
  problems: [string, string][]
}

/**
 * Breaks a generated brief one way, computing where the problem is from the
 * lines it writes: the README's rules say which line each problem names.
 */
export function malform(brief: GeneratedBrief, kind: MalformedBrief['kind']): MalformedBrief {
  const d = new Draw(random(brief.seed ^ 0x5eed))
  const lines = brief.text.replace(/\n$/, '').split('\n')
  const summary = lines.indexOf('Summary:')
  // Line numbers (1-based) of each English section's heading and bullets.
  const enHeadings: number[] = []
  const zhHeadings: number[] = []
  lines.forEach((line, i) => {
    if (i === 0 || i === summary + 1 || line.startsWith('- ') || line === 'Summary:') return
    ;(i < summary ? zhHeadings : enHeadings).push(i + 1)
  })
  const end = (lines_: string[]) => lines_.join('\n') + '\n'
  switch (kind) {
    case 'missing-summary': {
      // Without it the English lede reads as one more Chinese heading, and its section has no bullets:
      // every problem is reported at once (README), so that one too, on the lede's line (the Summary: line's).
      return {
        kind,
        text: end(lines.filter((_, i) => i !== summary)),
        problems: [
          ['1:1', 'missing-summary'],
          [`${summary + 1}:1`, 'section-without-points'],
        ],
      }
    }
    case 'empty-point': {
      // Empty one bullet of either language: `-` alone (its trailing space is trimmed as any line's).
      const bullets = lines.map((line, i) => (line.startsWith('- ') ? i : -1)).filter((i) => i >= 0)
      const at = d.pick(bullets)
      const out = [...lines]
      out[at] = d.chance(0.5) ? '-' : '- '
      return { kind, text: end(out), problems: [[`${at + 1}:2`, 'empty-point']] }
    }
    case 'section-missing': {
      // The last English section dropped, heading and bullets: the Chinese section has no counterpart.
      if (brief.sections.length < 2) return malform(brief, 'missing-summary')
      const lastEn = enHeadings.at(-1)!
      const out = lines.slice(0, lastEn - 1)
      return { kind, text: end(out), problems: [[`${zhHeadings.at(-1)}:1`, 'section-count-mismatch']] }
    }
    case 'counts-swapped': {
      // Move one English bullet from a section to the next: two sections whose counts no longer match.
      const pairs = brief.sections.map((_, i) => i).filter((i) => i + 1 < brief.sections.length)
      const movable = pairs.filter((i) => brief.sections[i]!.points.length >= 2)
      if (movable.length === 0) return malform(brief, 'empty-point')
      const i = d.pick(movable)
      const out = [...lines]
      // The last bullet of English section i goes to the top of section i+1.
      const lastBullet = enHeadings[i + 1]! - 2
      const [moved] = out.splice(lastBullet, 1)
      const nextHeading = enHeadings[i + 1]! - 2
      out.splice(nextHeading + 1, 0, moved!)
      return {
        kind,
        text: end(out),
        problems: [
          [`${enHeadings[i]}:1`, 'point-count-mismatch'],
          [`${enHeadings[i + 1]! - 1}:1`, 'point-count-mismatch'],
        ],
      }
    }
  }
}

export const MALFORMATIONS: MalformedBrief['kind'][] = ['counts-swapped', 'empty-point', 'missing-summary', 'section-missing']
