import path from 'node:path'
import { LANGS, type AlignedBrief, type Lang, type SourceText } from '../brief/model.ts'
import type { DeckContent } from './content.ts'
import { figureKey, figureKeys, findFigures } from './figures.ts'

/** What a slide item is, for messages: the extras' key path (`['sections', 0, 'points', 2]`) is its place. */
export type SlideItem = 'title' | 'subtitle' | 'lede' | { section: number; point: number }

/** A figure shown on a slide that the brief text the item comes from does not state. */
export interface UnstatedFigure {
  item: SlideItem
  lang: Lang
  /** The line as the slide shows it. */
  line: string
  /** The figure as the line writes it. */
  figure: string
  /** The brief text the line stands for. */
  source: SourceText
}

/**
 * Every figure on every slide — title, subtitle, bottom line, headlines, in
 * both languages — must be one the brief text behind that item states, in
 * the same language (the same value: `86.7 %` is `86.7%`, `三成` is `30%`).
 * Headings are the brief's own lines. A title made from the file name may
 * show the name's numbers.
 */
export function unstatedFigures(content: DeckContent, brief: AlignedBrief): UnstatedFigure[] {
  const found: UnstatedFigure[] = []
  const nameWords = path.basename(content.source).replace(/\.[^.]*$/, '').replace(/[-_.]+/g, ' ')
  const check = (item: SlideItem, lang: Lang, line: string | undefined, source: SourceText, extra = '') => {
    if (line === undefined) return
    const stated = new Set([...figureKeys(source.text, lang), ...figureKeys(extra, 'en')])
    for (const figure of findFigures(line.replace(/…$/, ''), lang)) {
      if (!stated.has(figureKey(figure))) found.push({ item, lang, line, figure: figure.text, source })
    }
  }
  for (const lang of LANGS) {
    check('title', lang, content.title[lang], brief.lede[lang], nameWords)
    check('subtitle', lang, content.subtitle[lang], brief.lede[lang])
    check('lede', lang, content.lede.headline[lang], brief.lede[lang])
    content.sections.forEach((section, i) =>
      section.points.forEach((point, j) => check({ section: i, point: j }, lang, point.headline[lang], point.detail[lang])),
    )
  }
  return found
}
