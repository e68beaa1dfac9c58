/**
 * What the issue measures of the derived headlines of a brief, by the tests'
 * own readings (figure-oracle.ts, headline-rules.ts): bullets that state a
 * figure other than a year and keep one in both headlines; bullets whose two
 * headlines carry the same figures; headlines and titles that end on a word
 * needing what follows.
 */
import type { DeckContent } from '../../scripts/deck/content.ts'
import { figureSet } from './figure-oracle.ts'
import { headlineProblems } from './headline-rules.ts'

export interface HeadlineMetrics {
  /** Bullets whose two languages both state a figure other than a year. */
  withFigure: number
  /** Of those, bullets whose two headlines each keep one of them. */
  keptInBoth: number
  bullets: number
  /** Bullets whose two headlines carry the same figures (years included). */
  agreeing: number
  /** Lines (headlines, bottom lines, titles) that end on a word needing what follows, described. */
  dangling: string[]
  /** The bullets that missed, described, for a report. */
  misses: string[]
}

const overlap = (a: Set<string>, b: Set<string>) => [...a].some((key) => b.has(key))
const same = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((key) => b.has(key))
const bare = (line: string) => line.replace(/…$/, '')

export function measureHeadlines(content: DeckContent): HeadlineMetrics {
  const metrics: HeadlineMetrics = { withFigure: 0, keptInBoth: 0, bullets: 0, agreeing: 0, dangling: [], misses: [] }
  const lines = [
    { what: 'title', headline: content.title, detail: content.lede.detail },
    { what: 'bottom line', headline: content.lede.headline, detail: content.lede.detail },
    ...content.sections.flatMap((s) => s.points.map((p) => ({ what: 'headline', headline: p.headline, detail: p.detail }))),
  ]
  for (const { what, headline, detail } of lines) {
    for (const lang of ['zh-Hant', 'en'] as const) {
      // A title is a phrase, not a cut headline: only what its last word needs is judged.
      const problems = headlineProblems(headline[lang], detail[lang].text, lang).filter((p) => p.rule === 'needs-what-follows' || (what !== 'title' && p.rule === 'not-the-bullets-words'))
      for (const p of problems) metrics.dangling.push(`${what} ${lang} "${headline[lang]}": ${p.rule} ${p.detail}`)
    }
    if (what === 'title') continue
    metrics.bullets += 1
    const zhHeadline = figureSet(bare(headline['zh-Hant']), 'zh-Hant')
    const enHeadline = figureSet(bare(headline.en), 'en')
    const zhStated = figureSet(detail['zh-Hant'].text, 'zh-Hant', false)
    const enStated = figureSet(detail.en.text, 'en', false)
    if (same(zhHeadline, enHeadline)) metrics.agreeing += 1
    else metrics.misses.push(`figures differ: "${headline['zh-Hant']}" [${[...zhHeadline]}] / "${headline.en}" [${[...enHeadline]}]`)
    if (zhStated.size > 0 && enStated.size > 0) {
      metrics.withFigure += 1
      if (overlap(zhHeadline, zhStated) && overlap(enHeadline, enStated)) metrics.keptInBoth += 1
      else metrics.misses.push(`no figure kept: "${headline['zh-Hant']}" / "${headline.en}" of "${detail.en.text.slice(0, 90)}…"`)
    }
  }
  return metrics
}

/** Adds up the metrics of several briefs. */
export function addMetrics(all: HeadlineMetrics[]): HeadlineMetrics {
  return all.reduce(
    (sum, m) => ({
      withFigure: sum.withFigure + m.withFigure,
      keptInBoth: sum.keptInBoth + m.keptInBoth,
      bullets: sum.bullets + m.bullets,
      agreeing: sum.agreeing + m.agreeing,
      dangling: [...sum.dangling, ...m.dangling],
      misses: [...sum.misses, ...m.misses],
    }),
    { withFigure: 0, keptInBoth: 0, bullets: 0, agreeing: 0, dangling: [], misses: [] },
  )
}
