import { LANGS, type AlignedBrief, type Bilingual, type Lang, type SourceText } from '../brief/model.ts'
import type { Extras, LanguageLines } from '../extras/schema.ts'
import { chooseAgreeing, deriveHeadlines, rankedCandidates } from './headline.ts'
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
  const ledeText = byLanguage((lang) => brief.lede[lang].text)
  // The title and bottom line are chosen together so they differ.
  const derived = deriveLedeLines(ledeText, source, extras.title ?? {})
  const lede = { headline: agreeing(ledeText, extras.lede, derived.bottomLine), detail: brief.lede }
  return {
    source,
    lineCount: brief.lineCount,
    title: derived.title,
    ...(extras.date !== undefined ? { date: extras.date } : {}),
    subtitle: byLanguage((lang) => extras.subtitle?.[lang]),
    lede,
    sections: brief.sections.map((section, i) => ({
      heading: section.heading,
      points: section.points.map((point, j) => {
        const texts = byLanguage((lang) => point[lang].text)
        return { headline: agreeing(texts, extras.sections?.[i]?.points?.[j]), detail: point }
      }),
    })),
  }
}

/**
 * A bullet's two headlines: the author's where written; a derived one carries
 * the same figures as the other language's line, authored or derived.
 */
function agreeing(texts: Bilingual<string>, authored: LanguageLines | undefined, derived = deriveHeadlines(texts)): Bilingual<string> {
  const zh = authored?.['zh-Hant']
  const en = authored?.en
  if (zh !== undefined && en !== undefined) return { 'zh-Hant': zh, en }
  if (zh === undefined && en === undefined) return derived
  return chooseAgreeing(texts, {
    'zh-Hant': zh !== undefined ? [{ text: zh, sound: true }] : rankedCandidates(texts['zh-Hant'], 'zh-Hant'),
    en: en !== undefined ? [{ text: en, sound: true }] : rankedCandidates(texts.en, 'en'),
  })
}

function byLanguage<T>(value: (lang: Lang) => T): Bilingual<T> {
  return Object.fromEntries(LANGS.map((lang) => [lang, value(lang)])) as Bilingual<T>
}
