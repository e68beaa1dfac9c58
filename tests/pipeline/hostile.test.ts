import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { VARIANTS, variantLangs, type Variant } from '../../scripts/deck/variant.ts'
import { runBuildCli } from '../support/build.ts'
import { readDeck, type ReadSlide } from '../support/deck-reader.ts'
import { readBriefText } from '../support/brief-oracle.ts'
import { projectTempDir } from '../support/tmp.ts'
import { hostileBrief } from '../fixtures/hostile.ts'

const text = hostileBrief()
/** A line of a slide body: a component tag, or a line of its quoted attributes (DeckTitle spans lines). */
const BODY_LINE = /^(?:<\/?Deck\w+)?(?:\s+[a-z-]+(?:="[^"<>]*")?)*\s*\/?>?$/
/** A line of the notes: paragraphs of text with no tag inside, the point's paragraphs after its click marker. */
const NOTE_LINE = /^(?:<div class="deck-note-point">\[click\])?(?:<p[^<>]*>[^<>]*<\/p>)+(?:<\/div>)?$/
// What the brief says, read by the test itself: the expectations do not come from the code under test.
const brief = readBriefText(text)
/** Written here, not taken from the code: how a slide that continues a section marks its heading. */
const CONTINUED = { 'zh-Hant': '（續）', en: ' (continued)' } as const

/**
 * The slides of each section: its own, then those that continue it (a long section goes on
 * over several at the projection sizes), told by their headings in the notes.
 */
function sectionSlides(deck: ReadSlide[], lang: 'zh-Hant' | 'en'): ReadSlide[][] {
  let next = 2
  return brief[lang].sections.map((section) => {
    const slides: ReadSlide[] = []
    while (deck[next] && deck[next]!.notes[lang][0] === (slides.length === 0 ? section.heading : `${section.heading}${CONTINUED[lang]}`)) slides.push(deck[next++]!)
    return slides
  })
}

describe('a brief full of markup, markers and template syntax', () => {
  const markdown = {} as Record<Variant, string>
  const decks = {} as Record<Variant, ReadSlide[]>
  beforeAll(async () => {
    const out = await projectTempDir('hostile')
    await writeFile(path.join(out, 'hostile.txt'), text)
    // Keep punctuation as typed: the hazards must arrive byte for byte.
    const result = await runBuildCli(['--brief', path.join(out, 'hostile.txt'), '--out', out, '--keep-punctuation'])
    expect(result.code, result.stderr).toBe(0)
    for (const variant of VARIANTS) {
      markdown[variant] = await readFile(path.join(out, `${variant}.md`), 'utf8')
      decks[variant] = await readDeck(markdown[variant], `${variant}.md`)
    }
  })

  it.each(VARIANTS)('%s keeps its slide count: no hazard starts a slide or swallows one', (variant) => {
    const lang = variantLangs(variant)[0]!
    const slides = sectionSlides(decks[variant], lang)
    // Every section has its slide; a long one continues; nothing else.
    for (const [i, own] of slides.entries()) expect(own.length, `section ${i + 1}`).toBeGreaterThan(0)
    expect(decks[variant]).toHaveLength(2 + slides.flat().length)
  })

  it.each(VARIANTS)('%s carries lede, headings and bullets literally in the notes', (variant) => {
    for (const lang of variantLangs(variant)) {
      const part = brief[lang]
      expect(decks[variant][1]!.notes[lang]).toEqual([part.lede])
      const slides = sectionSlides(decks[variant], lang)
      part.sections.forEach((section, i) => {
        // Each slide: its heading (marked on a continued one), then its own bullets; together, all of them.
        expect(slides[i]!.flatMap((slide) => slide.notes[lang].slice(1))).toEqual(section.points)
      })
    }
  })

  it.each(VARIANTS)('%s shows headings and headlines literally on the slides', (variant) => {
    for (const lang of variantLangs(variant)) {
      const slides = sectionSlides(decks[variant], lang)
      brief[lang].sections.forEach((section, i) => {
        slides[i]!.forEach((slide, part) => expect(slide.shown[lang][0]).toBe(part === 0 ? section.heading : `${section.heading}${CONTINUED[lang]}`))
        const shown = [section.heading, ...slides[i]!.flatMap((slide) => slide.shown[lang].slice(1))]
        // A headline is the bullet itself, or its start: cut at a clause as it stands, else marked with an ellipsis.
        section.points.forEach((point, j) => {
          const headline = shown[1 + j]!
          expect(headline.length).toBeGreaterThan(0)
          expect(point.startsWith(headline.replace(/…$/, '')), `${headline} is not the start of ${point}`).toBe(true)
        })
      })
    }
  })

  it.each(VARIANTS)("%s carries each click's headline in its frontmatter (the rehearsal's rows), as Slidev parses it: the slide's own text", (variant) => {
    for (const lang of variantLangs(variant)) {
      brief[lang].sections.forEach((_, i) => {
        const slide = decks[variant][2 + i]!
        const headlines = (slide.frontmatter.headlines as Record<string, string>[]).map((headline) => headline[lang])
        expect(headlines).toEqual(slide.shown[lang].slice(1))
      })
    }
  })

  it.each(VARIANTS)('%s gives Slidev, markdown-it, KaTeX and Vue nothing to read as syntax', (variant) => {
    const deck = markdown[variant]
    const slides = decks[variant].length
    // Comments open and close the notes only; click markers are the deck's own.
    expect(deck.match(/<!--/g)).toHaveLength(slides)
    expect(deck.match(/-->/g)).toHaveLength(slides)
    for (const slide of decks[variant]) expect(slide.note.match(/\[click/gi) ?? []).toHaveLength(slide.bodyClicks)
    expect(deck).not.toMatch(/<script|<img|<b>|<v-click/)
    // Every line that starts with --- is a slide separator.
    expect(deck.match(/^---/gm)).toHaveLength(slides * 2)
    for (const [i, slide] of decks[variant].entries()) {
      // Brief text stands only inside quoted props and note paragraphs, never at a line's start.
      for (const line of slide.content.split('\n')) expect(line, `slide ${i + 1}`).toMatch(BODY_LINE)
      for (const line of slide.note.split('\n').filter(Boolean)) expect(line, `notes of slide ${i + 1}`).toMatch(NOTE_LINE)
      expect(slide.images, `slide ${i + 1}`).toEqual([])
    }
  })
})
