import { readFile } from 'node:fs/promises'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { PNG } from 'pngjs'
import { renderPdfPages } from './compare-images.ts'

/** Smaller than any text a slide or handout shows (handout notes are 10 pt), larger than a hidden 1 px (0.75 pt) heading. */
const MIN_DRAWN_PT = 4
/** Pixels per PDF point of the render the ink is looked for in (144 dpi). */
const SCALE = 2
/**
 * Least difference of luminance (0–1) between the lightest and darkest pixel
 * of a text's box for it to count as seen: grey notes on white are some 0.6,
 * text drawn transparent (or in its background's colour) 0.
 */
const MIN_CONTRAST = 0.2

/**
 * Each page's text as a reader sees it: the text items of the PDF (pdf.js)
 * that are tall enough to read and leave ink where they stand on the page as
 * poppler renders it. Text an export adds for the outline or for screen
 * readers (tiny, transparent) is left out, and so is any text a slide would
 * fail to show. Pages must share one size (a slide PDF's do).
 */
export async function readShownText(file: string): Promise<string[]> {
  return (await readShownItems(file)).map((items) => items.map((item) => item.str).join(''))
}

/** A text run a reader sees (see `readShownText`), with its baseline in PDF points up from the page's bottom. */
export interface ShownItem {
  str: string
  y: number
}

/** Each page's runs a reader sees, as `readShownText` reads them, each with its baseline. */
export async function readShownItems(file: string): Promise<ShownItem[][]> {
  const doc = await getDocument({ data: new Uint8Array(await readFile(file)), verbosity: 0 }).promise
  try {
    const [, , width = 0, height = 0] = (await doc.getPage(1)).view
    const renders = await renderPdfPages(file, Math.round(width * SCALE), Math.round(height * SCALE))
    const pages: ShownItem[][] = []
    for (let no = 1; no <= doc.numPages; no++) {
      const page = await doc.getPage(no)
      const render = renders[no - 1]
      if (!render) throw new Error(`${file}: poppler rendered no page ${no}`)
      const [left = 0, , , top = 0] = page.view
      const items = (await page.getTextContent()).items.flatMap((item) => ('str' in item ? [item] : []))
      const shown = items.filter((item) => {
        if (item.str.trim() === '') return true
        // The font size is the length of the text matrix's vertical axis, in page points.
        const size = Math.hypot(item.transform[2] ?? 0, item.transform[3] ?? 0)
        if (size < MIN_DRAWN_PT) return false
        const [, , , , x = 0, y = 0] = item.transform
        // The glyphs' box: from the baseline down by a descender, up by the size (upright text).
        return contrast(render, (x - left) * SCALE, (top - y - size) * SCALE, (x - left + item.width) * SCALE, (top - y + size * 0.25) * SCALE) >= MIN_CONTRAST
      })
      pages.push(shown.map((item) => ({ str: item.str, y: item.transform[5] ?? 0 })))
    }
    return pages
  } finally {
    await doc.destroy()
  }
}

/** The spread of luminance (0–1) over a box of the image, clipped to the image. */
function contrast(image: PNG, x0: number, y0: number, x1: number, y1: number): number {
  let min = 1
  let max = 0
  for (let y = Math.max(0, Math.floor(y0)); y < Math.min(image.height, Math.ceil(y1)); y++) {
    for (let x = Math.max(0, Math.floor(x0)); x < Math.min(image.width, Math.ceil(x1)); x++) {
      const at = (y * image.width + x) * 4
      const luminance = (0.2126 * image.data[at]! + 0.7152 * image.data[at + 1]! + 0.0722 * image.data[at + 2]!) / 255
      min = Math.min(min, luminance)
      max = Math.max(max, luminance)
    }
  }
  return max - min
}
