import { escapeHtml } from '../html.ts'
import type { ExportDeck, LangText } from './deck.ts'
import { TITLE_SEPARATOR } from './deck.ts'

/** Where the handout's slide goes: an empty frame, filled with the slide itself on the print page. */
export const HANDOUT_FRAME = 'handout-frame'

/**
 * The handout's pages as HTML: per slide, one A4 page with its number, its
 * title, a frame for the slide, and its full speaker notes, every text tagged
 * with its language. The print page (scripts/export/handout-page.ts) puts
 * each slide, as printed, into its frame.
 */
export function renderHandout(deck: ExportDeck): string {
  return deck.slides
    .map((slide) => {
      const title = slide.title.length > 0 ? slide.title : [{ text: String(slide.no) }]
      return [
        '<section class="handout-slide">',
        `<p class="handout-no">${slide.no} / ${deck.slides.length}</p>`,
        `<h1 class="handout-title">${titleLines(title)}</h1>`,
        `<div class="${HANDOUT_FRAME}" data-slide="${slide.no}"></div>`,
        '<div class="handout-notes">',
        ...slide.notes.map((note) => `<p${langAttribute(note)}>${escapeHtml(note.text)}</p>`),
        '</div>',
        '</section>',
      ].join('\n')
    })
    .join('\n')
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
const PAGE_MM = { width: 210, marginX: 15, marginY: 12 }
const MM_TO_PX = 96 / 25.4
/** The slide frame's width in CSS pixels: the page's width inside its margins. */
export const HANDOUT_FRAME_PX = (PAGE_MM.width - 2 * PAGE_MM.marginX) * MM_TO_PX

/** The handout's page size (replacing the slides' own) and its styles; the slides keep theirs. */
export const HANDOUT_CSS = `
@page { size: A4 portrait; margin: ${PAGE_MM.marginY}mm ${PAGE_MM.marginX}mm; }
.handout-slide { font-family: 'Noto Sans TC', 'Noto Emoji', sans-serif; color: #1d2433; break-after: page; }
.handout-slide:last-child { break-after: auto; }
.handout-title { font-size: 11pt; font-weight: 700; margin: 0 0 3mm; line-height: 1.35; }
.handout-no { text-align: right; font-size: 9pt; color: #5b6475; margin: 0 0 1mm; }
.handout-title-line { display: block; }
.handout-title-line + .handout-separator + .handout-title-line { font-weight: 400; color: #5b6475; }
.handout-separator { display: block; height: 0; overflow: visible; white-space: pre; color: transparent; font-size: 1px; line-height: 0; }
.${HANDOUT_FRAME} { position: relative; overflow: hidden; width: ${HANDOUT_FRAME_PX}px; box-sizing: content-box; border: 0.3mm solid #c9ced8; margin: 0 0 4mm; }
.${HANDOUT_FRAME} > .print-slide-container { transform-origin: 0 0; break-after: auto; }
.handout-notes p { font-size: 10pt; line-height: 1.5; margin: 0 0 2mm; line-break: strict; }
.handout-notes p:lang(en) { overflow-wrap: anywhere; }
`
