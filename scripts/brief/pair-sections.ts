import type { Section } from './model.ts'

/** Section `zh` of the Chinese part and section `en` of the English part say the same. */
export interface SectionPair {
  zh: number
  en: number
}

/**
 * Which sections of the longer part have a partner in the shorter one, when
 * the two parts have different numbers of sections: the pairing, in order,
 * that gives the most pairs with equal bullet counts and, among those, the
 * pairs whose texts are most alike in length and in the numbers and Latin
 * acronyms they share. So a section missing in one language is named where
 * it is, not at the end of the part. Equal parts pair section i with i.
 */
export function pairSections(zh: Section[], en: Section[]): SectionPair[] {
  if (zh.length === en.length) return zh.map((_, i) => ({ zh: i, en: i }))
  const zhIsShort = zh.length < en.length
  const short = zhIsShort ? zh : en
  const long = zhIsShort ? en : zh
  const ratio = Math.max(1e-6, charCount(en)) / Math.max(1e-6, charCount(zh))
  const score = (s: number, l: number) => {
    const [z, e] = zhIsShort ? [short[s]!, long[l]!] : [long[l]!, short[s]!]
    // Equal bullet counts weigh most; likeness (0–1) only chooses among pairings that tie on them.
    return (z.points.length === e.points.length ? 1 : 0) + 0.5 * likeness(z, e, ratio)
  }
  // best[s][l]: the best score pairing the first s short sections with some of the first l long ones.
  const best = Array.from({ length: short.length + 1 }, (_, s) =>
    Array.from({ length: long.length + 1 }, (_, l) => (s === 0 ? 0 : s > l ? -Infinity : Number.NaN)),
  )
  for (let s = 1; s <= short.length; s++)
    for (let l = s; l <= long.length; l++)
      best[s]![l] = Math.max(best[s]![l - 1]!, best[s - 1]![l - 1]! + score(s - 1, l - 1))
  const pairs: SectionPair[] = []
  let s = short.length
  let l = long.length
  while (s > 0) {
    // On a tie leave the later long section out: with nothing to tell them apart, the missing one is the last.
    if (l > s && best[s]![l - 1]! >= best[s]![l]!) l--
    else {
      pairs.unshift(zhIsShort ? { zh: s - 1, en: l - 1 } : { zh: l - 1, en: s - 1 })
      s--
      l--
    }
  }
  return pairs
}

function sectionText(section: Section): string {
  return [section.heading.text, ...section.points.map((p) => p.text)].join('\n')
}

function charCount(sections: Section[]): number {
  return sections.reduce((sum, section) => sum + sectionText(section).length, 0)
}

/** How alike a Chinese and an English section look without reading them: 0 to 1. */
function likeness(zh: Section, en: Section, ratio: number): number {
  const r = Math.max(1e-6, sectionText(en).length) / Math.max(1e-6, sectionText(zh).length) / ratio
  const length = Math.min(r, 1 / r)
  const zhMarks = marks(sectionText(zh))
  const enMarks = marks(sectionText(en))
  const union = new Set([...zhMarks, ...enMarks])
  const shared = [...zhMarks].filter((mark) => enMarks.has(mark)).length
  return union.size === 0 ? length : (length + shared / union.size) / 2
}

/** What a translation keeps as it is: numbers and Latin acronyms. */
function marks(text: string): Set<string> {
  return new Set(text.match(/\d+(?:[.,]\d+)*|\b[A-Z]{2,}\b/g) ?? [])
}
