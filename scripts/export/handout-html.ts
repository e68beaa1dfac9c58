import { labels } from '../deck/labels.ts'
import { escapeHtml } from '../html.ts'
import type { ExportDeck, LangText } from './deck.ts'
import { TITLE_SEPARATOR } from './deck.ts'

/** Where the handout's slide goes: an empty frame, filled with the slide itself on the print page. */
export const HANDOUT_FRAME = 'handout-frame'
/** What a page that carries on a slide's notes starts with: the page header and the title, marked continued. */
export const HANDOUT_CONTINUED = 'handout-continued'

/**
 * The handout's pages as HTML: per slide, one A4 page with its number, its
 * title, a frame for the slide, and its full speaker notes, every text tagged
 * with its language. The print page (scripts/export/handout-page.ts) puts
 * each slide, as printed, into its frame, and fits the notes to the page
 * (scripts/export/handout-fit.ts); notes that cannot fit carry on on pages
 * that start as the slide's `template` says.
 */
export function renderHandout(deck: ExportDeck): string {
  const pages = deck.slides.map((slide) => {
    const title = slide.title.length > 0 ? slide.title : [{ lang: deck.lang, text: String(slide.no) }]
    const header = `<p class="handout-no">${slide.no} / ${deck.slides.length}</p>`
    return [
      '<section class="handout-slide">',
      header,
      `<h1 class="handout-title">${titleLines(title)}</h1>`,
      `<div class="${HANDOUT_FRAME}" data-slide="${slide.no}"></div>`,
      '<div class="handout-notes">',
      ...slide.notes.map((note) => `<p${langAttribute(note)}>${escapeHtml(note.text)}</p>`),
      '</div>',
      // Not a heading: the handout's outline names each slide once.
      `<template class="${HANDOUT_CONTINUED}">${header}<p class="handout-title">${titleLines(title.map(continued))}</p></template>`,
      '</section>',
    ].join('\n')
  })
  // The continued marks drawn once before the fitting, so that their fonts are in when pages are measured.
  const marks = Object.entries(labels.continued).map(([lang, mark]) => `<span lang="${lang}">${escapeHtml(mark)}</span>`)
  return [...pages, `<div class="handout-probe" aria-hidden="true">${marks.join('')}</div>`].join('\n')
}

function continued(part: LangText): LangText {
  return { ...part, text: part.text + labels.continued[part.lang?.startsWith('zh') ? 'zh-Hant' : 'en'] }
}

/**
 * One line per language. Chromium names outline entries by the text drawn,
 * which has no break between lines, so an invisible separator that takes no
 * room is drawn between them: the entry reads like the slide's title.
 */
function titleLines(parts: LangText[]): string {
  return parts
    .map((part) => `<span class="handout-title-line"${langAttribute(part)}>${escapeHtml(part.text)}</span>`)
    .join(`<span class="handout-separator">${escapeHtml(TITLE_SEPARATOR)}</span>`)
}

function langAttribute(text: LangText): string {
  return text.lang ? ` lang="${escapeHtml(text.lang)}"` : ''
}

/** A4, and the margins of the handout's pages: the slide frame is as wide as the text. */
const PAGE_MM = { width: 210, height: 297, marginX: 15, marginY: 12 }
const MM_TO_PX = 96 / 25.4
/** The slide frame's width in CSS pixels: the page's width inside its margins. */
export const HANDOUT_FRAME_PX = (PAGE_MM.width - 2 * PAGE_MM.marginX) * MM_TO_PX
/** The height a page holds, inside its margins, in CSS pixels. */
export const HANDOUT_PAGE_PX = (PAGE_MM.height - 2 * PAGE_MM.marginY) * MM_TO_PX

/** How the handout fits a slide's notes to its page (scripts/export/handout-fit.ts). */
export interface HandoutFitSteps {
  /** Shares of the frame's full width the slide's picture may take, largest first. */
  pictureSteps: number[]
  /** Sizes of the notes' type in points, largest first. */
  notesPtSteps: number[]
  /** The fewest lines of notes a page that carries them on holds. */
  minLines: number
}

/**
 * A slide's page shrinks to hold its notes in this order: the slide's
 * picture first (down to 70 % of the page's width, where its body text is
 * still some 9 pt), then the notes' type, down to 9 pt. Notes that do not
 * fit even then carry on on pages of their own, never with a line or two
 * alone.
 */
export const HANDOUT_FIT: HandoutFitSteps = { pictureSteps: [1, 0.9, 0.8, 0.7], notesPtSteps: [10, 9.5, 9], minLines: 4 }

/** The handout's page size (replacing the slides' own) and its styles; the slides keep theirs. */
export const HANDOUT_CSS = `
@page { size: A4 portrait; margin: ${PAGE_MM.marginY}mm ${PAGE_MM.marginX}mm; }
.handout-slide { font-family: 'Noto Sans TC', 'Noto Emoji', sans-serif; color: #1d2433; break-after: page; width: ${HANDOUT_FRAME_PX}px; --handout-picture: 1; --handout-notes-size: 10pt; }
.handout-slide:last-of-type { break-after: auto; }
.handout-title { font-size: 11pt; font-weight: 700; margin: 0 0 3mm; line-height: 1.35; }
.handout-no { text-align: right; font-size: 9pt; color: #5b6475; margin: 0 0 1mm; }
.handout-title-line { display: block; }
.handout-title-line + .handout-separator + .handout-title-line { font-weight: 400; color: #5b6475; }
.handout-separator { display: block; height: 0; overflow: visible; white-space: pre; color: transparent; font-size: 1px; line-height: 0; }
.${HANDOUT_FRAME} { position: relative; overflow: hidden; width: calc(${HANDOUT_FRAME_PX}px * var(--handout-picture)); box-sizing: content-box; border: 0.3mm solid #c9ced8; margin: 0 auto 4mm; }
.${HANDOUT_FRAME} > .print-slide-container { transform-origin: 0 0; break-after: auto; }
.handout-notes p { font-size: var(--handout-notes-size); line-height: 1.5; margin: 0 0 2mm; line-break: strict; }
.handout-notes p:lang(en) { overflow-wrap: anywhere; }
.handout-probe { position: absolute; top: 0; left: 0; visibility: hidden; }
`
