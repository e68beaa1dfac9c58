import type { Lang, Position } from '../brief/model.ts'
import type { Diagnostic } from '../diagnostic.ts'
import { FIT_STEP as STEP, FLOOR_SCALE as FLOOR, MIN_READABLE_SCALE as MIN_SCALE } from '../../setup/fit-scale.ts'
import { presentMessages } from '../messages.ts'
import type { DeckContent } from './content.ts'
import { labels } from './labels.ts'
import { variantLangs, type Variant } from './variant.ts'

/**
 * An estimate, without a browser, of how far components/DeckFit.vue will
 * have to shrink each slide's type: characters times per-script widths, lines
 * times line heights, in the sizes of style.css (change both together). The
 * browser tests measure the real thing; this only has to tell a slide that
 * fits at a readable size from one that does not, at build time.
 */

/** Slidev's canvas (980 wide, 16:9) less the layout's padding (2.5rem × 3.5rem). */
const BOX = { width: 980 - 2 * 56, height: 980 / (16 / 9) - 2 * 40 }
/** DeckFit's base font size at scale 1, in px. */
const BASE_PX = 16

/** Advance widths in em: Han and full-width forms are square; Noto Sans averages a bit over half an em. */
const WIDE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u
const NARROW_EM = 0.56
/** Lines break at words (English) or before closing punctuation (Chinese): some room is always lost. */
const LINE_FILL: Record<Lang, number> = { 'zh-Hant': 0.96, en: 0.88 }
/** In the bilingual deck the English line is smaller (`.lang-zh + .lang-en`). */
const SECOND_LINE = { size: 0.72, marginTop: 0.1 }

/** One block of text: its size and line height in em of the slide's base size, and how much narrower than the box it is. */
interface Block {
  texts: { text: string; lang: Lang }[]
  size: number
  lineHeight: number
  /** Horizontal room taken by padding and borders, in em of the base size. */
  inset: number
  /** Vertical space around the block, in em of the base size. */
  around: number
}

type MeasuredBlock = Omit<Block, 'texts'> & { texts: { ems: number; lang: Lang }[] }

/** Slides whose text would have to go below the readable size: one warning each, naming the slide. */
export function checkFit(content: DeckContent, variant: Variant): Diagnostic[] {
  return slideBlocks(content, variant).flatMap(({ blocks, position }, i) => {
    const scale = estimateScale(blocks)
    if (scale >= MIN_SCALE - 1e-9) return []
    const message = presentMessages.slideTooLong(i + 1, variant, Math.round(scale * 100))
    return [{ file: content.source, position, severity: 'warning' as const, ...message }]
  })
}

/** The scale DeckFit is expected to settle on, slide by slide (1 = full size). */
export function estimateScales(content: DeckContent, variant: Variant): number[] {
  return slideBlocks(content, variant).map(({ blocks }) => estimateScale(blocks))
}

/** Each slide's blocks, and the place in the brief a warning about it points at. */
function slideBlocks(content: DeckContent, variant: Variant): { blocks: Block[]; position: Position }[] {
  const langs = variantLangs(variant)
  const first = langs[0] ?? 'en'
  return [
    // The title may be authored in the extras; the brief's own first text is the lede.
    { blocks: titleBlocks(content, langs), position: content.lede.detail[first].position },
    { blocks: bottomLineBlocks(content, langs), position: content.lede.detail[first].position },
    ...content.sections.map((section) => ({
      blocks: sectionBlocks(section, langs),
      position: section.heading[first].position,
    })),
  ]
}

/** DeckFit's search: the largest step from 1 down at which the blocks fit, else the floor. */
function estimateScale(blocks: Block[]): number {
  // Each text's width in em does not change with the scale: measured once, not at every step.
  const measured = blocks.map((block) => ({ ...block, texts: block.texts.map((text) => ({ ...text, ems: emsOf(text.text) })) }))
  for (let scale = 1; scale >= FLOOR - 1e-9; scale = Math.round((scale - STEP) * 100) / 100) {
    if (height(measured, scale) <= BOX.height) return scale
  }
  return FLOOR
}

function height(blocks: MeasuredBlock[], scale: number): number {
  const em = BASE_PX * scale
  return blocks.reduce((sum, block) => {
    const width = BOX.width - block.inset * em
    const text = block.texts.reduce((h, { ems, lang }, i) => {
      // The second language of a pair is the smaller line under the first.
      const size = block.size * (i === 0 ? 1 : SECOND_LINE.size)
      const lines = linesOf(ems, lang, size * em, width)
      return h + lines * size * block.lineHeight * em + (i === 0 ? 0 : SECOND_LINE.marginTop * size * em)
    }, 0)
    return sum + text + block.around * em
  }, 0)
}

/** How many lines a text takes at a font size in a width (px), as DeckFit will set it: an estimate. */
export function lineCount(text: string, lang: Lang, fontPx: number, width: number): number {
  return linesOf(emsOf(text), lang, fontPx, width)
}

function linesOf(ems: number, lang: Lang, fontPx: number, width: number): number {
  return Math.max(1, Math.ceil((ems * fontPx) / (width * LINE_FILL[lang])))
}

/** A text's advance width in em. */
function emsOf(text: string): number {
  let ems = 0
  for (const char of text) ems += WIDE.test(char) ? 1 : NARROW_EM
  return ems
}

type Texts = (value: (lang: Lang) => string | undefined) => { text: string; lang: Lang }[]

function textsOf(langs: Lang[]): Texts {
  return (value) => langs.flatMap((lang) => {
    const text = value(lang)
    return text === undefined ? [] : [{ text, lang }]
  })
}

// The blocks of each slide, with the sizes of style.css (font size × its own em values).

function titleBlocks(content: DeckContent, langs: Lang[]): Block[] {
  const texts = textsOf(langs)
  const subtitle = texts((lang) => content.subtitle[lang])
  return [
    { texts: texts((lang) => content.title[lang]), size: 2.6, lineHeight: 1.25, inset: 2.6 * (0.135 + 0.48), around: 0 },
    ...(subtitle.length > 0 ? [{ texts: subtitle, size: 1.35, lineHeight: 1.4, inset: 1.35 * 1.2, around: 1.35 * 0.9 }] : []),
  ]
}

function bottomLineBlocks(content: DeckContent, langs: Lang[]): Block[] {
  const texts = textsOf(langs)
  // The label's languages share one line.
  const label = langs.map((lang) => labels.bottomLine[lang]).join('   ')
  return [
    { texts: [{ text: label, lang: langs[0] ?? 'en' }], size: 1, lineHeight: 1.4, inset: 0, around: 1 },
    { texts: texts((lang) => content.lede.headline[lang]), size: 2.2, lineHeight: 1.35, inset: 0, around: 0 },
  ]
}

function sectionBlocks(section: DeckContent['sections'][number], langs: Lang[]): Block[] {
  const texts = textsOf(langs)
  return [
    { texts: texts((lang) => section.heading[lang].text), size: 2, lineHeight: 1.25, inset: 0, around: 2 * (0.25 + 0.6) },
    ...section.points.map((point, i) => ({
      texts: texts((lang) => point.headline[lang]),
      size: 1.5,
      lineHeight: 1.3,
      inset: 1.5,
      around: i === section.points.length - 1 ? 0 : 1.5 * 0.55,
    })),
  ]
}
