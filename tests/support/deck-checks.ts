/**
 * The checks the shipped brief's decks get (tests/pipeline/decks.test.ts), as a
 * function any test or the corpus runner can call on any brief's decks: each
 * returns what is wrong, in words, so a report can list it with its seed.
 */
import type { ReadSlide } from './deck-reader.ts'
import { onlyPunctuationWidened, type OraclePart } from './brief-oracle.ts'
import { headlineProblems } from './headline-rules.ts'

type Lang = 'zh-Hant' | 'en'
type Variant = 'zh-Hant' | 'en' | 'bilingual'
const LANGS_OF: Record<Variant, Lang[]> = { 'zh-Hant': ['zh-Hant'], en: ['en'], bilingual: ['zh-Hant', 'en'] }

/** The brief's text as the decks may show it: verbatim, or in Chinese with half-width marks widened. */
function carried(typed: string, shown: string | undefined, lang: Lang): boolean {
  return shown === typed || (lang === 'zh-Hant' && shown !== undefined && onlyPunctuationWidened(typed, shown))
}

export function deckProblems(brief: Record<Lang, OraclePart>, decks: Record<Variant, ReadSlide[]>): string[] {
  const problems: string[] = []
  const sections = brief.en.sections
  for (const variant of Object.keys(LANGS_OF) as Variant[]) {
    const slides = decks[variant]
    const at = (where: string, what: string) => problems.push(`${variant}.md ${where}: ${what}`)
    if (slides.length !== sections.length + 2) at('', `${slides.length} slides for ${sections.length} sections`)
    for (const lang of LANGS_OF[variant]) {
      const bottom = slides[1]
      if (!carried(brief[lang].lede, bottom?.notes[lang][0], lang)) at('slide 2', `the ${lang} lede is not in the notes verbatim`)
      // The bottom line: the lede's headline (its label is a prop of another name).
      const line = bottom?.shown[lang][0] ?? ''
      for (const p of headlineProblems(line, bottom?.notes[lang][0] ?? brief[lang].lede, lang))
        at('slide 2', `${lang} bottom line "${line}": ${p.rule}, ${p.detail}`)
      brief[lang].sections.forEach((section, i) => {
        const slide = slides[2 + i]
        if (!slide) return
        const typed = [section.heading, ...section.points]
        const notes = slide.notes[lang]
        if (notes.length !== typed.length) at(`slide ${3 + i}`, `${notes.length} ${lang} note paragraphs for ${typed.length} texts`)
        typed.forEach((text, j) => {
          if (!carried(text, notes[j], lang)) at(`slide ${3 + i}`, `${lang} paragraph ${j + 1} is not the brief's "${text.slice(0, 40)}…"`)
        })
        // Heading, then one headline per bullet, each a whole headline of its own bullet.
        const shown = slide.shown[lang]
        if (shown.length !== 1 + section.points.length) at(`slide ${3 + i}`, `${shown.length} ${lang} texts shown for ${section.points.length} bullets`)
        section.points.forEach((point, j) => {
          const headline = shown[1 + j] ?? ''
          // The headline is read against the bullet as the notes show it (Chinese punctuation widened).
          for (const p of headlineProblems(headline, notes[1 + j] ?? point, lang))
            at(`slide ${3 + i}`, `${lang} headline ${j + 1} "${headline}": ${p.rule}, ${p.detail}`)
        })
      })
    }
    slides.slice(2).forEach((slide, i) => {
      const count = sections[i]?.points.length ?? 0
      if (slide.bodyClicks !== count || slide.noteClicks !== count)
        at(`slide ${3 + i}`, `${slide.bodyClicks} clicks on the slide, ${slide.noteClicks} in the notes, for ${count} bullets`)
    })
    for (const [n, slide] of slides.entries()) {
      const untagged = slide.note.replace(/<p (class="[\w-]+" )?lang="(zh-Hant|en)">[^<]*<\/p>/g, '').replace(/<[^>]+>|\[click\]/g, '')
      if (untagged.trim() !== '') at(`slide ${n + 1}`, `note text without a language: "${untagged.trim().slice(0, 40)}"`)
      if (slide.images.length > 0) at(`slide ${n + 1}`, `images Slidev would fetch: ${slide.images.join(' ')}`)
    }
  }
  return problems
}
