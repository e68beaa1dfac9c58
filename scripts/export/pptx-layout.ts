import { FIT_STEP, FLOOR_SCALE } from '../../setup/fit-scale.ts'
import type { Lang } from '../brief/model.ts'
import { lineCount, SECOND_LINE as SECOND, SIZES } from '../deck/fit.ts'
import { tagTexts, type BodyTag } from './deck-body.ts'
import type { LangText } from './deck.ts'

/**
 * Where each text of a slide goes on a PowerPoint slide, laid out as
 * style.css lays out the deck's components (sizes in em of DeckFit's font
 * size, the same margins, colours and accent), in CSS pixels of Slidev's
 * canvas. Line counts are fit.ts's estimate; the whole slide shrinks in
 * DeckFit's steps until it fits, as DeckFit does. Change with style.css.
 */

/** style.css `:root`. */
export const COLORS = { ink: '1D2433', muted: '5B6475', accent: 'B42318' } as const

/** Slidev's canvas less the layout's padding (2.5rem × 3.5rem), as in fit.ts. */
const BOX = { x: 56, y: 40, w: 980 - 2 * 56, h: 980 / (16 / 9) - 2 * 40 }
const BASE_PX = 16

export interface Run {
  text: string
  lang: Lang
  px: number
  bold: boolean
  color: string
  /** A line break before it, in the same paragraph (a point's second language). */
  breakBefore: boolean
}

export interface Paragraph {
  runs: Run[]
  lineHeight: number
  spaceBeforePx: number
  spaceAfterPx: number
  /** The red square of a point, and the text's indent after it. */
  bullet?: { indentPx: number }
}

export interface TextBox {
  x: number
  y: number
  w: number
  h: number
  paragraphs: Paragraph[]
  /** The slide's title: PowerPoint's title placeholder. */
  title: boolean
  /** Each paragraph appears on its own click (1, 2, …): a section's points. */
  build: boolean
  name: string
}

export interface Rect {
  x: number
  y: number
  w: number
  h: number
  color: string
  name: string
}

export interface SlideLayout {
  boxes: TextBox[]
  rects: Rect[]
  /** DeckFit's scale for this slide (1 = the sizes of style.css). */
  scale: number
}

interface Placed {
  height: number
  place: (top: number) => { boxes: TextBox[]; rects: Rect[] }
}

/**
 * Lays out a slide of the deck from its components: at the scale the build chose for it (its
 * `scale` prop), shrunk in DeckFit's steps only if it does not fit, down to the floor.
 */
export function layoutSlide(body: BodyTag[]): SlideLayout {
  const kind = body[0]?.name
  const layout = kind === 'DeckTitle' ? titleSlide : kind === 'DeckBottomLine' ? bottomLineSlide : sectionSlide
  let scale = startScale(body[0])
  while (layout(body, scale).height > BOX.h && scale - FIT_STEP >= FLOOR_SCALE - 1e-9) scale = Math.round((scale - FIT_STEP) * 100) / 100
  const placed = layout(body, scale)
  return { ...placed.place(BOX.y), scale }
}

/**
 * A text box's text wraps where PowerPoint or LibreOffice breaks it, in whatever face the
 * viewer's machine has: a box sized to its text (a title, a heading, the bottom line) takes its
 * text as this much wider, so that a line more there stays inside it and off the box below.
 * (The points' box reaches down to the frame's bottom.)
 */
const OTHER_FACE = 1.1

/**
 * The scale the build chose for the slide; of the bilingual deck exported in one language
 * (`--show`, whose props are that language's only: deck-body.ts), that language's deck's.
 */
function startScale(tag: BodyTag | undefined): number {
  const props = tag?.props ?? {}
  const own = ['zh-scale', 'en-scale'].filter((key) => props[key] !== undefined)
  const chosen = own.length === 1 ? props[own[0]!] : props.scale
  return Number(chosen ?? '1') || 1
}

/** A text in one or both languages, a paragraph each: the first at full size, the second smaller under it. */
function pair(texts: LangText[], px: number, lineHeight: number, bold: boolean, color: string, width: number, wider = 1): { paragraphs: Paragraph[]; height: number } {
  let height = 0
  const paragraphs = runsOf(texts, px, bold, color).map((run): Paragraph => {
    const spaceBeforePx = run.breakBefore ? run.px * SECOND.marginTop : 0
    height += spaceBeforePx + lineCount(run.text, run.lang, run.px, width, run.bold, wider) * run.px * lineHeight
    return { runs: [{ ...run, breakBefore: false }], lineHeight, spaceBeforePx, spaceAfterPx: 0 }
  })
  return { paragraphs, height }
}

/** Runs of a text in one or both languages; the second smaller and quieter, on a line of its own. */
function runsOf(texts: LangText[], px: number, bold: boolean, color: string): Run[] {
  return texts.map((text, i) => ({
    text: text.text,
    lang: (text.lang ?? 'en') as Lang,
    px: i === 0 ? px : px * SECOND.size,
    bold: i === 0 && bold,
    color: i === 0 ? color : COLORS.muted,
    breakBefore: i > 0,
  }))
}

/** A column centred in the frame, as `justify-content: safe center` sets it. */
function centred(placed: Placed): Placed {
  return { height: placed.height, place: (top) => placed.place(top + Math.max(0, (BOX.h - placed.height) / 2)) }
}

function titleSlide(body: BodyTag[], scale: number): Placed {
  const em = BASE_PX * scale
  const { title: t, subtitle: s } = SIZES
  const size = t.size * em
  const bar = t.bar * size
  const inset = bar + t.gap * size
  const title = pair(tagTexts(body[0]), size, t.lineHeight, true, COLORS.ink, BOX.w - inset, OTHER_FACE)
  const subSize = s.size * em
  const subInset = s.inset * subSize
  const subTexts = tagTexts(body[0], 'subtitle')
  const sub = pair(subTexts, subSize, s.lineHeight, false, COLORS.muted, BOX.w - subInset, OTHER_FACE)
  const subTop = subTexts.length > 0 ? s.above * subSize : 0
  return centred({
    height: title.height + subTop + sub.height,
    place: (top) => ({
      boxes: [
        { x: BOX.x + inset, y: top, w: BOX.w - inset, h: title.height, paragraphs: title.paragraphs, title: true, build: false, name: 'Title' },
        ...(subTexts.length > 0
          ? [{ x: BOX.x + subInset, y: top + title.height + subTop, w: BOX.w - subInset, h: sub.height, paragraphs: sub.paragraphs, title: false, build: false, name: 'Subtitle' }]
          : []),
      ],
      rects: [{ x: BOX.x, y: top, w: bar, h: title.height, color: COLORS.accent, name: 'Accent' }],
    }),
  })
}

function bottomLineSlide(body: BodyTag[], scale: number): Placed {
  const em = BASE_PX * scale
  const { label: l, bottomLine } = SIZES
  const labelPx = l.size * em
  // The label's languages share one line, in capitals (`text-transform: uppercase`).
  const labels = tagTexts(body[0], 'label').map((text) => ({ text: text.text.toUpperCase(), lang: (text.lang ?? 'en') as Lang }))
  // Spaced out (`letter-spacing: 0.08em`), and above the bottom line.
  const labelLines = lineCount(labels.map((label) => label.text).join('   '), labels[0]?.lang ?? 'en', labelPx, BOX.w, true, OTHER_FACE)
  const label: Paragraph = {
    runs: labels.map((run, i) => ({ ...run, text: i === 0 ? run.text : `   ${run.text}`, px: labelPx, bold: true, color: COLORS.accent, breakBefore: false })),
    lineHeight: l.lineHeight,
    spaceBeforePx: 0,
    spaceAfterPx: 0,
  }
  const labelHeight = labelLines * labelPx * l.lineHeight
  const gap = l.below * labelPx
  const text = pair(tagTexts(body[0]), bottomLine.size * em, bottomLine.lineHeight, true, COLORS.ink, BOX.w, OTHER_FACE)
  return centred({
    height: labelHeight + gap + text.height,
    place: (top) => ({
      boxes: [
        { x: BOX.x, y: top, w: BOX.w, h: labelHeight, paragraphs: [label], title: false, build: false, name: 'Label' },
        { x: BOX.x, y: top + labelHeight + gap, w: BOX.w, h: text.height, paragraphs: text.paragraphs, title: true, build: false, name: 'Bottom line' },
      ],
      rects: [],
    }),
  })
}

function sectionSlide(body: BodyTag[], scale: number): Placed {
  const em = BASE_PX * scale
  const { heading: h, point } = SIZES
  const headSize = h.size * em
  const heading = pair(tagTexts(body.find((tag) => tag.name === 'DeckSection')), headSize, h.lineHeight, true, COLORS.ink, BOX.w, OTHER_FACE)
  const rule = { top: heading.height + h.ruleGap * headSize, height: 2 }
  const pointsTop = rule.top + rule.height + h.below * headSize
  const size = point.size * em
  const inset = point.inset * size
  const points = body.filter((tag) => tag.name === 'DeckPoint').map((tag) => tagTexts(tag))
  const gap = point.gap * size
  // Heights are estimated only to choose the scale: the points flow in one box, as a list.
  const heights = points.map((texts) => pair(texts, size, point.lineHeight, false, COLORS.ink, BOX.w - inset).height)
  const pointsHeight = heights.reduce((sum, height) => sum + height, 0) + gap * Math.max(0, points.length - 1)
  return {
    height: pointsTop + pointsHeight,
    place: (top) => ({
      boxes: [
        { x: BOX.x, y: top, w: BOX.w, h: heading.height, paragraphs: heading.paragraphs, title: true, build: false, name: 'Heading' },
        {
          x: BOX.x,
          y: top + pointsTop,
          w: BOX.w,
          // The rest of the frame: a line the renderer breaks differently moves the points below, inside it.
          h: Math.max(pointsHeight, BOX.y + BOX.h - (top + pointsTop)),
          paragraphs: points.map((texts, i) => ({
            runs: runsOf(texts, size, false, COLORS.ink),
            lineHeight: point.lineHeight,
            spaceBeforePx: 0,
            spaceAfterPx: i === points.length - 1 ? 0 : gap,
            bullet: { indentPx: inset },
          })),
          title: false,
          build: true,
          name: 'Points',
        },
      ],
      rects: [{ x: BOX.x, y: top + rule.top, w: BOX.w, h: rule.height, color: COLORS.accent, name: 'Heading rule' }],
    }),
  }
}
