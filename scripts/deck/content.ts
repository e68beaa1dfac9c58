import { LANGS, type AlignedBrief, type Bilingual, type Lang, type SourceText } from '../brief/model.ts'
import type { Extras, LanguageLines } from '../extras/schema.ts'
import { deriveHeadline } from './headline.ts'
import { deriveLedeLines } from './title.ts'

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
  /** The brief's date (YYYY-MM-DD) from the extras, if they give one. */
  date?: string
  subtitle: Bilingual<string | undefined>
  lede: Headlined
  sections: {
    heading: Bilingual<SourceText>
    points: Headlined[]
  }[]
}

/** Joins the brief and the author's extras; every headline the author left out is derived. */
export function buildDeckContent(brief: AlignedBrief, extras: Extras, source: string): DeckContent {
  const derived = byLanguage((lang) => deriveLedeLines(brief.lede[lang].text, lang, source))
  // Without an authored title, the derived title and bottom line are chosen together so they differ.
  const lede = headlined(brief.lede, extras.lede, (lang) =>
    extras.title?.[lang] === undefined ? derived[lang].bottomLine : deriveHeadline(brief.lede[lang].text, lang),
  )
  return {
    source,
    lineCount: brief.lineCount,
    title: byLanguage((lang) => extras.title?.[lang] ?? derived[lang].title),
    ...(extras.date !== undefined ? { date: extras.date } : {}),
    subtitle: byLanguage((lang) => extras.subtitle?.[lang]),
    lede,
    sections: brief.sections.map((section, i) => ({
      heading: section.heading,
      points: section.points.map((point, j) => headlined(point, extras.sections?.[i]?.points?.[j])),
    })),
  }
}

function headlined(
  detail: Bilingual<SourceText>,
  authored: LanguageLines | undefined,
  derive = (lang: Lang) => deriveHeadline(detail[lang].text, lang),
): Headlined {
  return {
    headline: byLanguage((lang) => authored?.[lang] ?? derive(lang)),
    detail,
  }
}

function byLanguage<T>(value: (lang: Lang) => T): Bilingual<T> {
  return Object.fromEntries(LANGS.map((lang) => [lang, value(lang)])) as Bilingual<T>
}
