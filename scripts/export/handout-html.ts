import type { ExportDeck, LangText } from './deck.ts'
import { joinTitle, TITLE_SEPARATOR } from './deck.ts'

export interface HandoutAssets {
  /** Where the page finds slide `no`'s image. */
  imageUrl: (no: number) => string
  /** Stylesheets that declare the decks' fonts. */
  stylesheets: string[]
}

/**
 * The handout as one HTML page: per slide, one A4 page with its title, its
 * image and its full speaker notes, every text tagged with its language.
 * Chromium prints it in one job, so the PDF is tagged and its outline lists
 * the slides.
 */
export function renderHandout(deck: ExportDeck, assets: HandoutAssets): string {
  const pages = deck.slides.map((slide) => {
    const title = slide.title.length > 0 ? slide.title : [{ text: String(slide.no) }]
    return [
      '<section class="handout-slide">',
      `<p class="handout-no">${slide.no} / ${deck.slides.length}</p>`,
      `<h1 class="handout-title">${titleLines(title)}</h1>`,
      `<img class="handout-image" src="${escapeHtml(assets.imageUrl(slide.no))}" alt="${escapeHtml(joinTitle(title))}" width="${deck.width}" height="${deck.height}">`,
      '<div class="handout-notes">',
      ...slide.notes.map((note) => `<p${langAttribute(note)}>${escapeHtml(note.text)}</p>`),
      '</div>',
      '</section>',
    ].join('\n')
  })
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(deck.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(joinTitle(deck.title))}</title>`,
    ...assets.stylesheets.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`),
    `<style>${HANDOUT_CSS}</style>`,
    '</head>',
    '<body>',
    ...pages,
    '</body>',
    '</html>',
    '',
  ].join('\n')
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

const HTML_SPECIAL = /[&<>"']/g
const HTML_ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(text: string): string {
  return text.replace(HTML_SPECIAL, (c) => HTML_ENTITY[c] ?? c)
}

const HANDOUT_CSS = `
@page { size: A4 portrait; margin: 12mm 15mm; }
html { font-family: 'Noto Sans TC', 'Noto Emoji', sans-serif; color: #1d2433; }
:lang(en) { font-family: 'Noto Sans', 'Noto Sans TC', 'Noto Emoji', sans-serif; }
body { margin: 0; }
.handout-slide { break-after: page; }
.handout-slide:last-child { break-after: auto; }
.handout-title { font-size: 11pt; font-weight: 700; margin: 0 0 3mm; line-height: 1.35; }
.handout-no { text-align: right; font-size: 9pt; color: #5b6475; margin: 0 0 1mm; }
.handout-title-line { display: block; }
.handout-title-line + .handout-separator + .handout-title-line { font-weight: 400; color: #5b6475; }
.handout-separator { display: block; height: 0; overflow: visible; white-space: pre; color: transparent; font-size: 1px; line-height: 0; }
.handout-image { display: block; width: 100%; height: auto; border: 0.3mm solid #c9ced8; margin: 0 0 4mm; }
.handout-notes p { font-size: 10pt; line-height: 1.5; margin: 0 0 2mm; line-break: strict; }
.handout-notes p:lang(en) { overflow-wrap: anywhere; }
`
