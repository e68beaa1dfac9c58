import { escapeHtml } from '../html.ts'
import type { ExportDeck, LangText } from './deck.ts'

/** Where the script's small picture of a slide goes: filled with the slide itself on the print page. */
export const SCRIPT_FRAME = 'script-frame'

/** A4 and its margins; the picture a third of the text's width, the notes in large type. */
const PAGE_MM = { width: 210, height: 297, marginX: 18, marginY: 15 }
const MM_TO_PX = 96 / 25.4
/** The text's width on the page, in CSS pixels. */
export const SCRIPT_TEXT_PX = (PAGE_MM.width - 2 * PAGE_MM.marginX) * MM_TO_PX
/** The slide's picture: small, beside the title, for finding one's place. */
export const SCRIPT_FRAME_PX = Math.round(SCRIPT_TEXT_PX * 0.36)
/** The notes' type: read from a lectern at arm's length. */
export const SCRIPT_NOTES_PT = 16

/**
 * The speaker's script (`npm run export -- --format script`): per slide, a
 * page that starts with its number, its title and a small picture of the
 * slide, then every note of the slide in full, in large type, the
 * presenter's lines too (the slide's budget, its source lines, the slot):
 * the script is the speaker's. Long notes run on to the next page; each
 * slide starts a page. Every text is tagged with its language.
 */
export function renderScript(deck: ExportDeck): string {
  return deck.slides
    .map((slide) => {
      const title = slide.title.length > 0 ? slide.title : [{ lang: deck.lang, text: String(slide.no) }]
      return [
        '<section class="handout-slide script-slide">',
        '<header class="script-head">',
        `<div class="${SCRIPT_FRAME}" data-slide="${slide.no}"></div>`,
        `<p class="script-no">${slide.no} / ${deck.slides.length}</p>`,
        `<h1 class="script-title">${title.map((part) => `<span class="script-title-line"${langAttribute(part)}>${escapeHtml(part.text)}</span>`).join(' ')}</h1>`,
        '</header>',
        '<div class="script-notes">',
        ...slide.notes.map((note) => `<p${langAttribute(note)}${note.speaker ? ' class="script-speaker"' : ''}>${escapeHtml(note.text)}</p>`),
        '</div>',
        '</section>',
      ].join('\n')
    })
    .join('\n')
}

function langAttribute(text: LangText): string {
  return text.lang ? ` lang="${escapeHtml(text.lang)}"` : ''
}

/** The script's page size (replacing the slides' own) and its styles; the slides keep theirs. */
export const SCRIPT_CSS = `
@page { size: A4 portrait; margin: ${PAGE_MM.marginY}mm ${PAGE_MM.marginX}mm; }
.script-slide { font-family: 'Noto Sans TC', 'Noto Emoji', sans-serif; color: #1d2433; break-after: page; width: ${SCRIPT_TEXT_PX}px; }
.script-slide:last-of-type { break-after: auto; }
.script-head { display: flow-root; margin: 0 0 5mm; border-bottom: 0.4mm solid #c9ced8; padding-bottom: 3mm; }
.${SCRIPT_FRAME} { float: right; position: relative; overflow: hidden; width: ${SCRIPT_FRAME_PX}px; border: 0.3mm solid #c9ced8; margin: 0 0 2mm 5mm; }
.${SCRIPT_FRAME} > .print-slide-container { transform-origin: 0 0; break-after: auto; }
.script-no { font-size: 11pt; color: #5b6475; margin: 0 0 2mm; }
.script-title { font-size: 18pt; font-weight: 700; margin: 0; line-height: 1.3; }
.script-title-line { display: block; }
.script-notes p { font-size: ${SCRIPT_NOTES_PT}pt; line-height: 1.55; margin: 0 0 4mm; line-break: strict; orphans: 2; widows: 2; }
.script-notes p:lang(en) { overflow-wrap: anywhere; }
.script-notes p.script-speaker { font-size: 11pt; color: #5b6475; }
`
