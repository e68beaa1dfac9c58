import { LANGS, type AlignedBrief, type Bilingual, type Lang, type SourceText } from '../brief/model.ts'
import type { Extras, LanguageLines } from '../extras/schema.ts'
import { deriveHeadline } from './headline.ts'

/** A short line for the slide, and the brief's text it stands for, for the notes. */
export interface Headlined {
  headline: Bilingual<string>
  detail: Bilingual<SourceText>
}

/** Everything a deck shows, in both languages: the brief's text plus authored or derived headlines. */
export interface DeckContent {
  /** The brief's path relative to the project, as the decks name it. */
  source: string
  /** Number of lines of the brief. */
  lineCount: number
  title: Bilingual<string>
  subtitle: Bilingual<string | undefined>
  lede: Headlined
  sections: {
    heading: Bilingual<SourceText>
    points: Headlined[]
  }[]
}

/** Joins the brief and the author's extras; every headline the author left out is derived. */
export function buildDeckContent(brief: AlignedBrief, extras: Extras, source: string): DeckContent {
  const lede = headlined(brief.lede, extras.lede)
  return {
    source,
    lineCount: brief.lineCount,
    title: byLanguage((lang) => extras.title?.[lang] ?? lede.headline[lang]),
    subtitle: byLanguage((lang) => extras.subtitle?.[lang]),
    lede,
    sections: brief.sections.map((section, i) => ({
      heading: section.heading,
      points: section.points.map((point, j) => headlined(point, extras.sections?.[i]?.points?.[j])),
    })),
  }
}

function headlined(detail: Bilingual<SourceText>, authored: LanguageLines | undefined): Headlined {
  return {
    headline: byLanguage((lang) => authored?.[lang] ?? deriveHeadline(detail[lang].text, lang)),
    detail,
  }
}

function byLanguage<T>(value: (lang: Lang) => T): Bilingual<T> {
  return Object.fromEntries(LANGS.map((lang) => [lang, value(lang)])) as Bilingual<T>
}
