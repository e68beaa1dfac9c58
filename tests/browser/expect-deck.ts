/** What a deck built from some content must show: slide text and notes, slide by slide. */
import type { Lang } from '../../scripts/brief/model.ts'
import type { DeckContent } from '../../scripts/deck/content.ts'
import { labels } from '../../scripts/deck/labels.ts'

export interface ExpectedSlide {
  /** Texts the slide shows, each verbatim. */
  shown: string[]
  /** Note paragraphs, each verbatim, with their language; a RegExp where the text is computed. */
  notes: { lang: Lang; text: string | RegExp }[]
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export function expectedSlides(content: DeckContent, langs: Lang[]): ExpectedSlide[] {
  return [
    {
      shown: langs.flatMap((lang) => [content.title[lang], ...(content.subtitle[lang] === undefined ? [] : [content.subtitle[lang]])]),
      // The expected speaking time of the whole deck and the slot, whatever their numbers.
      notes: langs.map((lang) => ({
        lang,
        text: new RegExp(`^${escapeRegExp(labels.speakingTime[lang]('TIME', 'TIME')).replaceAll('TIME', '[0-9]+:[0-5][0-9]')}$`),
      })),
    },
    {
      shown: langs.flatMap((lang) => [labels.bottomLine[lang], content.lede.headline[lang]]),
      notes: langs.map((lang) => ({ lang, text: content.lede.detail[lang].text })),
    },
    ...content.sections.map((section) => ({
      shown: langs.flatMap((lang) => [section.heading[lang].text, ...section.points.map((point) => point.headline[lang])]),
      notes: [
        ...langs.map((lang) => ({ lang, text: section.heading[lang].text })),
        ...section.points.flatMap((point) => langs.map((lang) => ({ lang, text: point.detail[lang].text }))),
      ],
    })),
  ]
}
