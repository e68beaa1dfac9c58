import type { Diagnostic } from '../diagnostic.ts'
import { messages, type Message } from '../messages.ts'
import { pairSections } from './pair-sections.ts'
import { LANGS, type AlignedBrief, type Brief, type BriefPart, type Position } from './model.ts'

/**
 * Every problem of a parsed brief, all at once, so the user fixes them in one
 * pass. An empty list means `alignBrief` can pair the two languages.
 */
export function validateBrief(brief: Brief): Diagnostic[] {
  const report = (message: Message, position: Position): Diagnostic => ({
    file: brief.file,
    position,
    severity: 'error',
    ...message,
  })
  const start = { line: 1, column: 1 }
  const zh = brief.parts['zh-Hant']
  const en = brief.parts.en
  if (isEmpty(zh) && isEmpty(en)) return [report(messages.emptyFile(), start)]

  const diagnostics: Diagnostic[] = []
  const [firstSummary, ...extraSummaries] = brief.summaries
  if (!firstSummary) diagnostics.push(report(messages.missingSummary(), start))
  for (const position of extraSummaries) diagnostics.push(report(messages.duplicateSummary(), position))

  for (const lang of LANGS) {
    const part = brief.parts[lang]
    // Without a `Summary:` line the English part does not exist: one error says so.
    if (lang === 'en' && !firstSummary) continue
    if (isEmpty(part)) {
      const at = firstSummary ?? start
      diagnostics.push(report(messages.emptyPart(lang), at))
      continue
    }
    const [firstStray] = part.strayPoints
    if (!part.lede && firstStray) diagnostics.push(report(messages.missingLede(lang), firstStray.position))
    for (const point of part.strayPoints) diagnostics.push(report(messages.pointBeforeHeading(), point.position))
    for (const mark of part.lookalikeBullets) diagnostics.push(report(messages.lookalikeBullet(mark.text), mark.position))
    for (const section of part.sections) {
      if (section.points.length === 0)
        diagnostics.push(report(messages.sectionWithoutPoints(section.heading.text), section.heading.position))
      for (const point of section.points)
        if (point.text === '') diagnostics.push(report(messages.emptyPoint(), point.position))
    }
  }

  if (firstSummary && !isEmpty(zh) && !isEmpty(en)) diagnostics.push(...checkAlignment(zh, en, report))
  return diagnostics
}

/** The two parts must have the same sections with the same number of points. */
function checkAlignment(
  zh: BriefPart,
  en: BriefPart,
  report: (message: Message, position: Position) => Diagnostic,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  const pairs = pairSections(zh.sections, en.sections)
  const counts = { 'zh-Hant': zh.sections.length, en: en.sections.length }
  if (counts.en !== counts['zh-Hant']) {
    // Name each section that has no partner, at its own line, and where its partner would go.
    const [lang, other] = counts.en > counts['zh-Hant'] ? (['en', 'zh-Hant'] as const) : (['zh-Hant', 'en'] as const)
    const side = lang === 'en' ? 'en' : 'zh'
    const otherSide = lang === 'en' ? 'zh' : 'en'
    const sections = lang === 'en' ? en.sections : zh.sections
    const others = lang === 'en' ? zh.sections : en.sections
    sections.forEach((section, index) => {
      if (pairs.some((pair) => pair[side] === index)) return
      const before = pairs.filter((pair) => pair[side] < index).at(-1)
      const after = pairs.find((pair) => pair[side] > index)
      const neighbour = before ?? after
      const place = neighbour && {
        where: before ? ('after' as const) : ('before' as const),
        number: neighbour[otherSide] + 1,
        heading: others[neighbour[otherSide]]!.heading.text,
        line: others[neighbour[otherSide]]!.heading.position.line,
      }
      diagnostics.push(report(messages.sectionWithoutPartner(lang, other, index + 1, section.heading.text, counts, place), section.heading.position))
    })
  }
  for (const pair of pairs) {
    const zhSection = zh.sections[pair.zh]!
    const enSection = en.sections[pair.en]!
    const pointCounts = { 'zh-Hant': zhSection.points.length, en: enSection.points.length }
    // A section without any bullet is reported on its own; a count mismatch would repeat it.
    if (pointCounts.en === pointCounts['zh-Hant'] || pointCounts.en === 0 || pointCounts['zh-Hant'] === 0) continue
    diagnostics.push(
      report(messages.pointCountMismatch({ 'zh-Hant': pair.zh + 1, en: pair.en + 1 }, enSection.heading.text, pointCounts), enSection.heading.position),
    )
  }
  return diagnostics
}

function isEmpty(part: BriefPart): boolean {
  return !part.lede && part.sections.length === 0 && part.strayPoints.length === 0
}

/** Pairs the two languages of a brief that `validateBrief` accepted. */
export function alignBrief(brief: Brief): AlignedBrief {
  const zh = brief.parts['zh-Hant']
  const en = brief.parts.en
  if (!zh.lede || !en.lede || zh.sections.length !== en.sections.length)
    throw new Error(`alignBrief called on a brief that does not validate: ${brief.file}`)
  return {
    file: brief.file,
    lineCount: brief.lineCount,
    lede: { 'zh-Hant': zh.lede, en: en.lede },
    sections: zh.sections.map((zhSection, i) => {
      const enSection = en.sections[i]
      if (!enSection || enSection.points.length !== zhSection.points.length)
        throw new Error(`alignBrief: section ${i + 1} does not align in ${brief.file}`)
      return {
        heading: { 'zh-Hant': zhSection.heading, en: enSection.heading },
        points: zhSection.points.map((point, j) => ({ 'zh-Hant': point, en: enSection.points[j] ?? point })),
      }
    }),
  }
}
