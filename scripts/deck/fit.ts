import type { Lang, Position } from '../brief/model.ts'
import type { Diagnostic } from '../diagnostic.ts'
import {
  FIT_STEP as STEP,
  FLOOR_SCALE as FLOOR,
  MIN_READABLE_SCALE as MIN_SCALE,
  SECTION_SCALE_CAP,
  TITLE_SCALE,
} from '../../setup/fit-scale.ts'
import { presentMessages } from '../messages.ts'
import type { DeckContent, Headlined } from './content.ts'
import { labels } from './labels.ts'
import { LATIN_CHARS, LATIN_WIDTHS } from './latin-widths.ts'
import { VARIANTS, variantLangs, type Variant } from './variant.ts'

/**
 * An estimate, without a browser, of how much room each slide's text takes
 * at a type scale: characters times per-script widths, lines times line
 * heights, in the sizes of style.css (change both together). From it the
 * build decides, once for every output, where a long section continues on a
 * next slide and the one scale each deck gives its section slides; the
 * browser (components/DeckFit.vue) starts at that scale and shrinks only a
 * slide the estimate got wrong. The browser tests measure the real thing.
 */

/** Slidev's canvas (980 wide, 16:9) less the layout's padding (2.5rem × 3.5rem). */
const BOX = { width: 980 - 2 * 56, height: 980 / (16 / 9) - 2 * 40 }
/** DeckFit's base font size at scale 1, in px. */
const BASE_PX = 16
/**
 * The share of the box the estimate may fill when choosing a scale or a split: the estimate is
 * rough (a line more or less), and a slide it overfills would be shrunk alone by DeckFit.
 */
const ROOM = 0.9

/** Advance widths in em: Han and full-width forms are square; Latin text as Noto Sans draws it (latin-widths.ts). */
const WIDE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u
/** Any other character: about a wide Latin letter. */
const OTHER_EM = 0.6
const LATIN: Record<'regular' | 'bold', Map<string, number>> = {
  regular: new Map(Array.from(LATIN_CHARS, (char, i) => [char, LATIN_WIDTHS[400][i] ?? OTHER_EM])),
  bold: new Map(Array.from(LATIN_CHARS, (char, i) => [char, LATIN_WIDTHS[700][i] ?? OTHER_EM])),
}
/** Kerning and rounding the widths leave out: a line is taken to hold a little less than its width. */
const SLACK = 0.98
/** Marks a Chinese line may not start with (`line-break: strict`): each stays with the character before it. */
const CLOSING = /^[，。、；：！？）」』》〉】〕］｝’”…—·．,.;:!?)\]}%]$/u
/** Marks a line may not end with: each goes with what follows it. */
const OPENING = /^[（「『《〈【〔［｛‘“(\[{]$/u
/** In the bilingual deck the second line is smaller (`.lang-zh + .lang-en`). */
export const SECOND_LINE = { size: 0.75, marginTop: 0.1 }

/** style.css's sizes, in em of DeckFit's base size (or of the element's own size, where said). */
export const SIZES = {
  title: { size: 2.6, lineHeight: 1.25, bar: 0.135, gap: 0.48 },
  subtitle: { size: 1.6, lineHeight: 1.35, inset: 1.2, above: 0.8 },
  label: { size: 1.2, lineHeight: 1.4, below: 1 },
  bottomLine: { size: 2.2, lineHeight: 1.3 },
  heading: { size: 2.1, lineHeight: 1.2, ruleGap: 0.25, below: 0.55 },
  point: { size: 1.6, lineHeight: 1.3, inset: 1, gap: 0.5 },
} as const

/** One block of text: its size and line height in em of the slide's base size, and how much narrower than the box it is. */
interface Block {
  texts: { text: string; lang: Lang }[]
  size: number
  lineHeight: number
  /** Horizontal room taken by padding and borders, in em of the base size. */
  inset: number
  /** Vertical space around the block, in em of the base size. */
  around: number
  /** Set bold (its first language; a second line is regular, `.lang-zh + .lang-en`). */
  bold: boolean
}

/** A text as units that lines break between: each unit's width and the width of a space before it, in em. */
interface Measured {
  units: { ems: number; space: number }[]
}

type MeasuredBlock = Omit<Block, 'texts'> & { texts: (Measured & { lang: Lang })[] }

/** Where each of the brief's sections is split over slides, and each deck's type scale. */
export interface DeckLayout {
  /** For each section of the brief, how many of its points each of its slides shows: `[4]`, or `[4, 3]` continued. */
  parts: number[][]
  /** Each deck's one scale for all its section slides (1 = the sizes of style.css, the projection minimum). */
  sectionScale: Record<Variant, number>
  /** Each deck's start scale for its title and bottom-line slides, which fit on their own. */
  titleScale: Record<Variant, [number, number]>
}

/** One section slide: a section, or the part of one that continues it. */
export interface SectionSlide {
  /** The brief's section it shows (0-based). */
  section: number
  /** 0 for the section's first slide, 1… for the slides that continue it. */
  part: number
  heading: DeckContent['sections'][number]['heading']
  points: Headlined[]
}

/**
 * Decides, from the estimate, where each long section continues and each deck's scale. A
 * section is split only where it would not fit at the projection sizes in every deck (one split
 * for all three, so they keep the same slides and the same timing), into as few slides as will
 * fit, balanced by their height; then each deck takes the largest scale up to the cap at which
 * all its section slides fit.
 */
export function layoutDeck(content: DeckContent): DeckLayout {
  const parts = content.sections.map((section) => splitSection(section))
  const slides = sectionSlides(content, parts)
  const sectionScale = Object.fromEntries(
    VARIANTS.map((variant) => {
      const langs = variantLangs(variant)
      const blocks = slides.map((slide) => measure(sectionBlocks(slide, langs)))
      return [variant, largestFitting(SECTION_SCALE_CAP, (scale) => blocks.every((b) => height(b, scale) <= BOX.height * ROOM))]
    }),
  ) as Record<Variant, number>
  const titleScale = Object.fromEntries(
    VARIANTS.map((variant) => {
      const langs = variantLangs(variant)
      const fits = (blocks: MeasuredBlock[]) => (scale: number) => height(blocks, scale) <= BOX.height * ROOM
      return [
        variant,
        [
          largestFitting(TITLE_SCALE, fits(measure(titleBlocks(content, langs)))),
          largestFitting(TITLE_SCALE, fits(measure(bottomLineBlocks(content, langs)))),
        ],
      ]
    }),
  ) as Record<Variant, [number, number]>
  return { parts, sectionScale, titleScale }
}

/** The deck's section slides, in order, as `parts` splits the sections. */
export function sectionSlides(content: DeckContent, parts: number[][]): SectionSlide[] {
  return content.sections.flatMap((section, i) => {
    const counts = parts[i] ?? [section.points.length]
    let start = 0
    return counts.map((count, part) => {
      const points = section.points.slice(start, start + count)
      start += count
      return { section: i, part, heading: section.heading, points }
    })
  })
}

/** A section slide's heading in one language: the section's, marked when the slide continues it. */
export function slideHeading(slide: SectionSlide, lang: Lang): string {
  const text = slide.heading[lang].text
  return slide.part === 0 ? text : `${text}${labels.continued[lang]}`
}

/**
 * The fewest slides a section's points fit on at the projection sizes in every deck, split
 * between points; of the ways to split into that many, the one whose fullest slide is least full.
 */
function splitSection(section: DeckContent['sections'][number]): number[] {
  const n = section.points.length
  const variants = VARIANTS.map((variant) => variantLangs(variant))
  /** How full a slide of points [from, to) is, in the deck that fills it most (1 = the room there is). */
  const memo = new Map<string, number>()
  const fill = (from: number, to: number): number => {
    const key = `${from}/${to}`
    const known = memo.get(key)
    if (known !== undefined) return known
    const slide: SectionSlide = { section: 0, part: from === 0 ? 0 : 1, heading: section.heading, points: section.points.slice(from, to) }
    const full = Math.max(...variants.map((langs) => height(measure(sectionBlocks(slide, langs)), MIN_SCALE) / (BOX.height * ROOM)))
    memo.set(key, full)
    return full
  }
  if (n <= 1 || fill(0, n) <= 1) return [n]
  for (let k = 2; k <= n; k++) {
    const best = balanced(n, k, fill)
    if (best.worst <= 1 || k === n) return best.counts
  }
  return [n]
}

/** Splits n points into k runs (none empty) so that the fullest run is as little full as can be. */
function balanced(n: number, k: number, fill: (from: number, to: number) => number): { worst: number; counts: number[] } {
  // worst[j][i]: the best fullest run splitting the first i points into j runs; cut: where the last run starts.
  const worst = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(Infinity))
  const cut = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(0))
  worst[0]![0] = 0
  for (let j = 1; j <= k; j++)
    for (let i = j; i <= n; i++)
      for (let from = j - 1; from < i; from++) {
        const value = Math.max(worst[j - 1]![from]!, fill(from, i))
        if (value < worst[j]![i]!) {
          worst[j]![i] = value
          cut[j]![i] = from
        }
      }
  const counts: number[] = []
  for (let j = k, i = n; j > 0; j--) {
    const from = cut[j]![i]!
    counts.unshift(i - from)
    i = from
  }
  return { worst: worst[k]![n]!, counts }
}

/** The largest scale from `top` down in DeckFit's steps at which `fits`, else the readable minimum. */
function largestFitting(top: number, fits: (scale: number) => boolean): number {
  for (let scale = top; scale >= MIN_SCALE - 1e-9; scale = Math.round((scale - STEP) * 100) / 100) if (fits(scale)) return scale
  return MIN_SCALE
}

/** Slides whose text would have to go below the readable size: one warning each, naming the slide. */
export function checkFit(content: DeckContent, variant: Variant, layout: DeckLayout = layoutDeck(content)): Diagnostic[] {
  return slideBlocks(content, variant, layout).flatMap(({ blocks, position }, i) => {
    const scale = estimateScale(blocks)
    if (scale >= MIN_SCALE - 1e-9) return []
    const message = presentMessages.slideTooLong(i + 1, variant, Math.round(scale * 100))
    return [{ file: content.source, position, severity: 'warning' as const, ...message }]
  })
}

/** The scale DeckFit is expected to settle on, slide by slide, starting from the layout's scales. */
export function estimateScales(content: DeckContent, variant: Variant, layout: DeckLayout = layoutDeck(content)): number[] {
  const [title = 1, bottom = 1] = layout.titleScale[variant]
  const starts = [title, bottom]
  return slideBlocks(content, variant, layout).map(({ blocks }, i) => estimateScale(blocks, starts[i] ?? layout.sectionScale[variant]))
}

/** Each slide's blocks, and the place in the brief a warning about it points at. */
function slideBlocks(content: DeckContent, variant: Variant, layout: DeckLayout): { blocks: Block[]; position: Position }[] {
  const langs = variantLangs(variant)
  const first = langs[0] ?? 'en'
  return [
    // The title may be authored in the extras; the brief's own first text is the lede.
    { blocks: titleBlocks(content, langs), position: content.lede.detail[first].position },
    { blocks: bottomLineBlocks(content, langs), position: content.lede.detail[first].position },
    ...sectionSlides(content, layout.parts).map((slide) => ({
      blocks: sectionBlocks(slide, langs),
      position: (slide.points[0]?.detail[first] ?? slide.heading[first]).position,
    })),
  ]
}

/** DeckFit's search: the largest step from `start` down at which the blocks fit, else the floor. */
function estimateScale(blocks: Block[], start = 1): number {
  const measured = measure(blocks)
  for (let scale = start; scale >= FLOOR - 1e-9; scale = Math.round((scale - STEP) * 100) / 100) {
    if (height(measured, scale) <= BOX.height) return scale
  }
  return FLOOR
}

/** Each text's width in em does not change with the scale: measured once, not at every step. */
function measure(blocks: Block[]): MeasuredBlock[] {
  return blocks.map((block) => ({ ...block, texts: block.texts.map((text, i) => ({ lang: text.lang, ...unitsOf(text.text, block.bold && i === 0) })) }))
}

function height(blocks: MeasuredBlock[], scale: number): number {
  const em = BASE_PX * scale
  return blocks.reduce((sum, block) => {
    const width = BOX.width - block.inset * em
    const text = block.texts.reduce((h, measured, i) => {
      // The second language of a pair is the smaller line under the first.
      const size = block.size * (i === 0 ? 1 : SECOND_LINE.size)
      const lines = linesOf(measured, size * em, width)
      return h + lines * size * block.lineHeight * em + (i === 0 ? 0 : SECOND_LINE.marginTop * size * em)
    }, 0)
    return sum + text + block.around * em
  }, 0)
}

/**
 * How many lines a text takes at a font size in a width (px), as DeckFit will set it: an
 * estimate. `wider` takes the text as that much wider, for a renderer that may draw it in
 * another face (the PPTX, opened where Noto is not installed).
 */
export function lineCount(text: string, _lang: Lang, fontPx: number, width: number, bold = false, wider = 1): number {
  return linesOf(unitsOf(text, bold), fontPx * wider, width)
}

/**
 * Lines as the browser fills them, greedily: a unit that does not fit on the line starts the
 * next (a space before it is dropped there); a unit wider than a whole line breaks inside
 * (`overflow-wrap: anywhere`).
 */
function linesOf({ units }: Measured, fontPx: number, width: number): number {
  const room = (width * SLACK) / fontPx
  let lines = 1
  let used = 0
  for (const { ems, space } of units) {
    if (used > 0 && used + space + ems <= room) used += space + ems
    else if (used === 0 && ems <= room) used = ems
    else {
      if (used > 0) lines += 1
      // A unit longer than a line fills whole lines and ends on part of one.
      const whole = Math.floor(ems / room)
      lines += ems > room ? whole - (ems % room === 0 ? 1 : 0) : 0
      used = ems > room ? ems - whole * room : ems
    }
  }
  return lines
}

/**
 * A text as the units lines break between: an English word, or a Chinese character (with the
 * marks that may not be parted from it), each with its advance width in em — Han and full-width
 * forms square, Latin text as Noto Sans draws it (latin-widths.ts).
 */
function unitsOf(text: string, bold: boolean): Measured {
  const latin = LATIN[bold ? 'bold' : 'regular']
  const width = (char: string) => (WIDE.test(char) ? 1 : (latin.get(char) ?? OTHER_EM))
  const units: Measured['units'] = []
  let space = 0
  let open = 0
  let word: { ems: number; space: number } | undefined
  const end = () => {
    if (word) units.push(word)
    word = undefined
  }
  for (const char of text) {
    if (/\s/u.test(char)) {
      end()
      space += width(' ')
      continue
    }
    const ems = width(char)
    const last = units.at(-1)
    if (CLOSING.test(char) && !word && last && space === 0) {
      last.ems += ems
      continue
    }
    if (OPENING.test(char)) {
      end()
      open += ems
      continue
    }
    if (WIDE.test(char)) {
      end()
      units.push({ ems: ems + open, space })
    } else if (word) word.ems += ems
    else word = { ems: ems + open, space }
    space = 0
    open = 0
  }
  end()
  if (open > 0) units.push({ ems: open, space })
  return { units }
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
  const { title, subtitle: sub } = SIZES
  return [
    { texts: texts((lang) => content.title[lang]), size: title.size, lineHeight: title.lineHeight, inset: title.size * (title.bar + title.gap), around: 0, bold: true },
    ...(subtitle.length > 0 ? [{ texts: subtitle, size: sub.size, lineHeight: sub.lineHeight, inset: sub.size * sub.inset, around: sub.size * sub.above, bold: false }] : []),
  ]
}

function bottomLineBlocks(content: DeckContent, langs: Lang[]): Block[] {
  const texts = textsOf(langs)
  // The label's languages share one line.
  const label = langs.map((lang) => labels.bottomLine[lang]).join('   ')
  const { label: l, bottomLine } = SIZES
  return [
    // In capitals, and spaced out (`letter-spacing: 0.08em`): wider than its letters as written.
    { texts: [{ text: label.toUpperCase(), lang: langs[0] ?? 'en' }], size: l.size * 1.1, lineHeight: l.lineHeight / 1.1, inset: 0, around: l.size * l.below, bold: true },
    { texts: texts((lang) => content.lede.headline[lang]), size: bottomLine.size, lineHeight: bottomLine.lineHeight, inset: 0, around: 0, bold: true },
  ]
}

function sectionBlocks(slide: SectionSlide, langs: Lang[]): Block[] {
  const texts = textsOf(langs)
  const { heading, point } = SIZES
  return [
    { texts: texts((lang) => slideHeading(slide, lang)), size: heading.size, lineHeight: heading.lineHeight, inset: 0, around: heading.size * (heading.ruleGap + heading.below), bold: true },
    ...slide.points.map((p, i) => ({
      texts: texts((lang) => p.headline[lang]),
      size: point.size,
      lineHeight: point.lineHeight,
      inset: point.size * point.inset,
      around: i === slide.points.length - 1 ? 0 : point.size * point.gap,
      bold: false,
    })),
  ]
}
