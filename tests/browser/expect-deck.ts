/**
 * What a deck built from a brief must show: slide text and notes, slide by
 * slide. The expectations come from the brief as the tests read it (notes,
 * headings, the lede: tests/support/brief-oracle.ts), the authored lines
 * from the extras file as YAML reads it, and the lines the pipeline derives
 * from the deck file as Slidev's parser reads it (the derivation has tests of
 * its own: tests/golden/) — never from the pipeline's own model of the brief.
 * One builder for every output's tests (slides, site, PDF, PPTX).
 */
import { decodeHTML } from 'entities'
import { parse as parseYaml } from 'yaml'
import type { Lang } from '../../scripts/brief/model.ts'
import { labels } from '../../scripts/deck/labels.ts'
import { readBriefText, widenedChinese } from '../support/brief-oracle.ts'
import { readDeck } from '../support/deck-reader.ts'

type Both<T> = Record<Lang, T>

/** A deck's text, slide by slide, as the tests expect it. */
export interface ExpectedContent {
  title: Both<string>
  subtitle: Both<string | undefined>
  lede: { headline: Both<string>; detail: Both<string> }
  /**
   * The section slides, in order: a section's own slide, then any that continue it (their
   * heading marked continued), each with the bullets it shows.
   */
  sections: { heading: Both<string>; points: { headline: Both<string>; detail: Both<string> }[] }[]
}

/** A component's subtitle prop (`zh-subtitle="…"`), which the reader's `shown` leaves out. */
const SUBTITLE = /\s(zh|en)-subtitle="([^"]*)"/g
/** How a slide that goes on with a section's bullets marks its heading (the words, written here). */
const CONTINUED: Both<string> = { 'zh-Hant': '（續）', en: ' (continued)' }
/** A point on a slide (`<DeckPoint v-click …/>`). */
const POINT = /<DeckPoint\b/g

/** An authored line of the extras file, in each language (its `source:` is not shown). */
type Authored = Partial<Both<string>> | undefined

/**
 * The expected content of the decks built from `briefText` by default (the
 * Chinese in full-width punctuation, README): titles and headlines as the
 * extras `extrasYaml` write them, the rest as the bilingual deck
 * `bilingualMarkdown` has them. Where a section goes on over several slides
 * is the deck's to choose: read from it (how many points each slide shows),
 * then held to the brief — every bullet on one slide, in the brief's order,
 * each slide after a section's first titled continued.
 */
export async function expectedContent(briefText: string, bilingualMarkdown: string, extrasYaml?: string): Promise<ExpectedContent> {
  const brief = readBriefText(briefText)
  const extras = (extrasYaml ? parseYaml(extrasYaml) : {}) as {
    title?: Authored
    subtitle?: Authored
    lede?: Authored
    sections?: { points?: Authored[] }[]
  }
  const authored = (line: Authored, lang: Lang, otherwise: () => string): string => line?.[lang] ?? otherwise()
  const typed = (lang: Lang, text: string) => (lang === 'zh-Hant' ? widenedChinese(text) : text)
  const both = <T>(pick: (lang: Lang) => T): Both<T> => ({ 'zh-Hant': pick('zh-Hant'), en: pick('en') })
  const slides = await readDeck(bilingualMarkdown)
  const shown = (slide: number, lang: Lang, index: number): string => {
    const text = slides[slide]?.shown[lang][index]
    if (text === undefined) throw new Error(`the bilingual deck's slide ${slide + 1} shows no ${lang} text number ${index + 1}`)
    return text
  }
  const subtitles: Partial<Both<string>> = {}
  for (const [, prop, text] of (slides[0]?.content ?? '').matchAll(SUBTITLE)) subtitles[prop === 'zh' ? 'zh-Hant' : 'en'] = decodeHTML(text ?? '')
  const sections: ExpectedContent['sections'] = []
  let slide = 2
  brief.en.sections.forEach((section, i) => {
    const heading = (lang: Lang) => typed(lang, brief[lang].sections[i]!.heading)
    for (let first = 0, part = 0; first < section.points.length || part === 0; part++) {
      const count = (slides[slide]?.content.match(POINT) ?? []).length
      if (count === 0) throw new Error(`the bilingual deck's slide ${slide + 1} shows no point of section ${i + 1} (from its bullet ${first + 1})`)
      const at = slide
      sections.push({
        heading: both((lang) => (part === 0 ? heading(lang) : `${heading(lang)}${CONTINUED[lang]}`)),
        points: section.points.slice(first, first + count).map((_, j) => ({
          headline: both((lang) => authored(extras.sections?.[i]?.points?.[first + j], lang, () => shown(at, lang, 1 + j))),
          detail: both((lang) => typed(lang, brief[lang].sections[i]!.points[first + j]!)),
        })),
      })
      first += count
      slide += 1
    }
  })
  return {
    title: both((lang) => authored(extras.title, lang, () => shown(0, lang, 0))),
    subtitle: both((lang) => extras.subtitle?.[lang] ?? subtitles[lang]),
    lede: { headline: both((lang) => authored(extras.lede, lang, () => shown(1, lang, 0))), detail: both((lang) => typed(lang, brief[lang].lede)) },
    sections,
  }
}

export interface ExpectedSlide {
  /** Texts the slide shows, each verbatim. */
  shown: string[]
  /** Note paragraphs, each verbatim, with their language; a RegExp where the text is computed. */
  notes: { lang: Lang; text: string | RegExp }[]
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export function expectedSlides(content: ExpectedContent, langs: Lang[]): ExpectedSlide[] {
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
      notes: langs.map((lang) => ({ lang, text: content.lede.detail[lang] })),
    },
    ...content.sections.map((section) => ({
      shown: langs.flatMap((lang) => [section.heading[lang], ...section.points.map((point) => point.headline[lang])]),
      notes: [
        ...langs.map((lang) => ({ lang, text: section.heading[lang] })),
        ...section.points.flatMap((point) => langs.map((lang) => ({ lang, text: point.detail[lang] }))),
      ],
    })),
  ]
}
