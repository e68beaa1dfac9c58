/**
 * The README's headline rules on generated text: every bullet and lede of
 * generated briefs, and for each hard class (amounts, ranges, reduplications,
 * words that need what follows) the class placed at every distance from the
 * slide line's end, so the cut is forced to fall on or around it.
 */
import { describe, expect, it } from 'vitest'
import type { DeckContent } from '../../scripts/deck/content.ts'
import { deriveHeadline } from '../../scripts/deck/headline.ts'
import { buildDecks } from '../../scripts/pipeline.ts'
import { addMetrics, measureHeadlines } from '../support/headline-metrics.ts'
import { generateBrief } from '../support/generate-brief.ts'
import { LIMIT, headlineProblems } from '../support/headline-rules.ts'

type Lang = 'zh-Hant' | 'en'
const problemsOf = (text: string, lang: Lang) =>
  headlineProblems(deriveHeadline(text, lang), text, lang).map((p) => `${p.rule}: ${p.detail} — "${deriveHeadline(text, lang)}" of "${text}"`)

/** A CI-sized set: every bullet of these briefs is checked (the corpus runs any number). */
const SEEDS = Array.from({ length: 40 }, (_, i) => 1000 + i)

/** The content the decks show for a generated brief: headlines chosen in both languages together, as built. */
function contentOf(seed: number): DeckContent {
  const brief = generateBrief(seed)
  const result = buildDecks({ briefFile: 'b.txt', briefBytes: new TextEncoder().encode(brief.text), source: 'content/b.txt', addonPath: '@/..', normalizePunctuation: false })
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.reason).join('\n'))
  return result.content
}

describe('derived headlines of generated briefs', () => {
  it.each(SEEDS)('seed %i: every bullet and lede gets a whole headline, in both languages', (seed) => {
    const content = contentOf(seed)
    const lines = [content.lede, ...content.sections.flatMap((s) => s.points)]
    const problems = lines.flatMap(({ headline, detail }) =>
      (['zh-Hant', 'en'] as const).flatMap((lang) =>
        headlineProblems(headline[lang], detail[lang].text, lang).map((p) => `${p.rule}: ${p.detail} — "${headline[lang]}" of "${detail[lang].text}"`),
      ),
    )
    expect(problems).toEqual([])
  })

  it('keep the point: a figure in both headlines of ≥ 95% of bullets that state one, the same figures in both languages, no line ending on a word that needs what follows', () => {
    const metrics = addMetrics(SEEDS.map((seed) => measureHeadlines(contentOf(seed))))
    // Enough bullets with figures for the share to mean something.
    expect(metrics.withFigure).toBeGreaterThan(150)
    expect(metrics.keptInBoth / metrics.withFigure, metrics.misses.filter((m) => m.startsWith('no figure')).join('\n')).toBeGreaterThanOrEqual(0.95)
    expect(metrics.misses.filter((m) => m.startsWith('figures differ'))).toEqual([])
    expect(metrics.agreeing).toBe(metrics.bullets)
    expect(metrics.dangling).toEqual([])
  })
})

/** Fillers of every length before a feature: the line's end falls on each of its characters in turn. */
const EN_FILLER = 'Officials in the northern provinces say the new programme for rural districts will'
const ZH_FILLER = '北部各省官員表示鄉村地區的新計畫將會在未來持續推動並擴大規模以因應需求'

function sweep(lang: Lang, feature: string, tail: string): string[] {
  const filler = lang === 'en' ? EN_FILLER : ZH_FILLER
  const words = lang === 'en' ? filler.split(' ') : Array.from(filler)
  const texts: string[] = []
  // From well before the line's end to just past it.
  for (let n = Math.floor(words.length / 3); n <= words.length; n++) {
    const start = words.slice(0, n).join(lang === 'en' ? ' ' : '')
    texts.push(lang === 'en' ? `${start} ${feature} ${tail}` : `${start}${feature}${tail}`)
  }
  return texts
}

const amounts = {
  en: ['NT$1,250 billion', '¥980 billion', '1.2 GW', '45%', 'US$3,500 million', '12.5 thousand tonnes'],
  'zh-Hant': ['1,250億元', '新臺幣3,250億元', '1.2 GW', '45%', '9,800億日圓', '12.5萬噸'],
}
const CLASSES: { name: string; en: string[]; 'zh-Hant': string[] }[] = [
  {
    name: 'an amount after a word that needs it',
    en: amounts.en.flatMap((a) => ['about', 'nearly', 'some', 'roughly', 'more than', 'over'].map((w) => `receive ${w} ${a} in aid`)),
    'zh-Hant': amounts['zh-Hant'].flatMap((a) => ['約', '近', '逾', '達', '超過'].map((w) => `獲政府${w}${a}補助`)),
  },
  {
    name: 'a range',
    en: ['trail by one to two years', 'finish within two to three months', 'run over 2025–2027 and beyond', 'grow 10 to 15 percent'],
    'zh-Hant': ['落後兩至三年', '在一到兩個月內完成', '於2025–2027年間推動', '成長10%至15%'],
  },
  {
    name: 'a reduplication',
    en: ['see exports falling year by year', 'raise prices step by step', 'lose clients one by one', 'add staff month by month'],
    'zh-Hant': ['出口逐年下降', '價格逐步上漲', '客戶逐一流失', '年復一年增加人手'],
  },
]

describe.each(CLASSES)('$name, placed at every distance from the line end', (c) => {
  it.each(['en', 'zh-Hant'] as const)('%s', (lang) => {
    const tail = lang === 'en' ? 'while the programme continues across the region.' : '而計畫將在全區持續推行。'
    const texts = c[lang].flatMap((feature) => sweep(lang, feature, tail))
    // Enough cases that the cut falls inside each feature somewhere, whatever the filler.
    expect(texts.length).toBeGreaterThan(20)
    expect(texts.flatMap((text) => problemsOf(text, lang))).toEqual([])
  })
})

describe('the tests’ own rules see what the issue measured', () => {
  // Each headline below is one the issue found projected: the rules must call each wrong.
  it.each([
    ['國家補助方面，半導體與電網營運商總計獲政府約…', '國家補助方面，半導體與電網營運商總計獲政府約1,250億元補助，而其他產業則未獲得任何額外資金。', 'zh-Hant', 'needs-what-follows'],
    ['Chinese chipmakers, even with NT$120 billion, still trail by one…', 'Chinese chipmakers, even with NT$120 billion, still trail by one to two years in lithography.', 'en', 'inside-a-whole'],
    ['Domestic demand for imported coal in the coastal region is falling year…', 'Domestic demand for imported coal in the coastal region is falling year by year as plants close.', 'en', 'inside-a-whole'],
    ['國家補助方面，半導體與電網營運商總計獲政府約1,250億元補助', '國家補助方面，半導體與電網營運商總計獲政府約1,250億元補助而其他產業則未獲得任何額外資金。', 'zh-Hant', 'no-ellipsis'],
  ] as const)('"%s"', (headline, bullet, lang, rule) => {
    expect(headlineProblems(headline, bullet, lang).map((p) => p.rule)).toContain(rule)
  })
})

it.each(['en', 'zh-Hant'] as const)('the %s sweeps put the line end before, inside and after the feature', (lang) => {
  const feature = lang === 'en' ? 'year by year' : '逐年下降'
  const starts = sweep(lang, feature, '').map((text) => text.indexOf(feature))
  const limit = LIMIT[lang]
  expect(starts.some((start) => start + Array.from(feature).length < limit)).toBe(true)
  expect(starts.some((start) => start < limit && start + Array.from(feature).length > limit)).toBe(true)
  expect(starts.some((start) => start > limit)).toBe(true)
})
