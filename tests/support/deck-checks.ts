/**
 * The checks the shipped brief's decks get (tests/pipeline/decks.test.ts), as a
 * function any test or the corpus runner can call on any brief's decks: each
 * returns what is wrong, in words, so a report can list it with its seed.
 */
import type { ReadSlide } from './deck-reader.ts'
import { onlyPunctuationWidened, type OraclePart } from './brief-oracle.ts'
import { headlineProblems } from './headline-rules.ts'
import { labels } from '../../scripts/deck/labels.ts'

type Lang = 'zh-Hant' | 'en'
type Variant = 'zh-Hant' | 'en' | 'bilingual'
const LANGS_OF: Record<Variant, Lang[]> = { 'zh-Hant': ['zh-Hant'], en: ['en'], bilingual: ['zh-Hant', 'en'] }

/** The brief's text as the decks may show it: verbatim, or in Chinese with half-width marks widened. */
function carried(typed: string, shown: string | undefined, lang: Lang): boolean {
  return shown === typed || (lang === 'zh-Hant' && shown !== undefined && onlyPunctuationWidened(typed, shown))
}

/**
 * A section may go on over several slides (a long one continues, its heading marked
 * `labels.continued`): every bullet on exactly one slide, in the brief's order, each slide's
 * clicks and notes its own bullets'.
 */
export function deckProblems(brief: Record<Lang, OraclePart>, decks: Record<Variant, ReadSlide[]>): string[] {
  const problems: string[] = []
  const sections = brief.en.sections
  for (const variant of Object.keys(LANGS_OF) as Variant[]) {
    const slides = decks[variant]
    const at = (where: string, what: string) => problems.push(`${variant}.md ${where}: ${what}`)
    const first = LANGS_OF[variant][0]!
    // Which slides show which section, and which of its bullets: read from the notes' first paragraph (the heading).
    const spans: { slide: number; section: number; from: number; count: number; part: number }[] = []
    let next = 2
    sections.forEach((_, i) => {
      let from = 0
      for (let part = 0; next < slides.length; part++) {
        const heading = slides[next]!.notes[first][0] ?? ''
        const own = brief[first].sections[i]!.heading
        if (!(part === 0 ? carried(own, heading, first) : heading.endsWith(labels.continued[first]) && carried(own, heading.slice(0, -labels.continued[first].length), first))) break
        const count = Math.max(0, slides[next]!.notes[first].length - 1)
        spans.push({ slide: next, section: i, from, count, part })
        from += count
        next += 1
      }
      if (from !== brief[first].sections[i]!.points.length) at('', `section ${i + 1}: ${from} of its ${brief[first].sections[i]!.points.length} bullets on its slides`)
    })
    if (slides.length !== next || next === 2) at('', `${slides.length} slides: ${next - 2} of them section slides of the ${sections.length} sections`)
    for (const lang of LANGS_OF[variant]) {
      const bottom = slides[1]
      if (!carried(brief[lang].lede, bottom?.notes[lang][0], lang)) at('slide 2', `the ${lang} lede is not in the notes verbatim`)
      // The bottom line: the lede's headline (its label is a prop of another name).
      const line = bottom?.shown[lang][0] ?? ''
      for (const p of headlineProblems(line, bottom?.notes[lang][0] ?? brief[lang].lede, lang))
        at('slide 2', `${lang} bottom line "${line}": ${p.rule}, ${p.detail}`)
      for (const span of spans) {
        const slide = slides[span.slide]!
        const where = `slide ${span.slide + 1}`
        const section = brief[lang].sections[span.section]!
        const points = section.points.slice(span.from, span.from + span.count)
        const heading = span.part === 0 ? section.heading : `${section.heading}${labels.continued[lang]}`
        const notes = slide.notes[lang]
        if (notes.length !== 1 + points.length) at(where, `${notes.length} ${lang} note paragraphs for ${1 + points.length} texts`)
        if (!carried(heading, notes[0], lang)) at(where, `${lang} heading paragraph is not "${heading.slice(0, 40)}"`)
        points.forEach((text, j) => {
          if (!carried(text, notes[1 + j], lang)) at(where, `${lang} paragraph ${j + 2} is not the brief's "${text.slice(0, 40)}…"`)
        })
        // Heading, then one headline per bullet, each a whole headline of its own bullet.
        const shown = slide.shown[lang]
        if (shown.length !== 1 + points.length) at(where, `${shown.length} ${lang} texts shown for ${points.length} bullets`)
        if (!carried(heading, shown[0], lang)) at(where, `${lang} heading shown is "${shown[0]?.slice(0, 40)}", not "${heading.slice(0, 40)}"`)
        points.forEach((point, j) => {
          const headline = shown[1 + j] ?? ''
          // The headline is read against the bullet as the notes show it (Chinese punctuation widened).
          for (const p of headlineProblems(headline, notes[1 + j] ?? point, lang))
            at(where, `${lang} headline ${j + 1} "${headline}": ${p.rule}, ${p.detail}`)
        })
      }
    }
    for (const span of spans) {
      const slide = slides[span.slide]!
      if (slide.bodyClicks !== span.count || slide.noteClicks !== span.count)
        at(`slide ${span.slide + 1}`, `${slide.bodyClicks} clicks on the slide, ${slide.noteClicks} in the notes, for ${span.count} bullets`)
    }
    for (const [n, slide] of slides.entries()) {
      const untagged = slide.note.replace(/<p (class="[\w-]+" )?lang="(zh-Hant|en)">[^<]*<\/p>/g, '').replace(/<[^>]+>|\[click\]/g, '')
      if (untagged.trim() !== '') at(`slide ${n + 1}`, `note text without a language: "${untagged.trim().slice(0, 40)}"`)
      if (slide.images.length > 0) at(`slide ${n + 1}`, `images Slidev would fetch: ${slide.images.join(' ')}`)
    }
  }
  return problems
}
