import { readFile } from 'node:fs/promises'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { HANDOUT_FRAME_PX } from '../../scripts/export/handout-html.ts'
import { handoutFrames } from './compare-images.ts'
import { squash } from './read-pdf.ts'

/** A text run pdf.js reads from a page: its text, its size in points, its baseline. */
export interface DrawnItem {
  str: string
  size: number
  y: number
}

/** A line of a page (lines top of the page first): the runs that share its baseline, in the order the page draws them. */
export interface DrawnLine {
  y: number
  text: string
  items: DrawnItem[]
}

/** One handout page as drawn: its lines, and which slide's page it is (from its header, `n / N`). */
export interface HandoutPage {
  no: number
  lines: DrawnLine[]
  /** The slide whose page it is (0 when the page has no header). */
  slide: number
  /** The page carries on the notes of a slide begun on an earlier page. */
  continued: boolean
  /**
   * Where the slide's picture is drawn, as baselines (PDF points, up from the
   * page's bottom, like each line's `y`): found in poppler's render by the
   * frame's border, not taken from the exporter. Undefined on a page without one.
   */
  picture?: { top: number; bottom: number }
}

/** Runs drawn smaller are not read by anyone: the handout's invisible title separator (1 px). */
const HIDDEN_PT = 2
/** Runs on one line share a baseline within this (fonts of one line may differ by a fraction of a point). */
export const SAME_LINE_PT = 1.5
const HEADER = /^(\d+)\/(\d+)$/

/** Reads a handout PDF's pages as lines of drawn text (pdf.js), each page tied to its slide by its header. */
export async function readHandoutPages(file: string): Promise<HandoutPage[]> {
  const doc = await getDocument({ data: new Uint8Array(await readFile(file)), verbosity: 0 }).promise
  // The slide as Slidev draws it (980 × 552), shown as wide as the frame.
  const frames = await handoutFrames(file, HANDOUT_FRAME_PX, 980, 552)
  try {
    const pages: HandoutPage[] = []
    for (let no = 1; no <= doc.numPages; no++) {
      const pdfPage = await doc.getPage(no)
      const [, , , pageTop = 0] = pdfPage.view
      const frame = frames[no - 1]
      const items = (await pdfPage.getTextContent()).items.flatMap((item) => {
        if (!('str' in item) || item.str.trim() === '') return []
        // The size is the length of the text matrix's vertical axis, in page points.
        const size = Math.hypot(item.transform[2] ?? 0, item.transform[3] ?? 0)
        return size < HIDDEN_PT ? [] : [{ str: item.str, size, y: item.transform[5] ?? 0 }]
      })
      const lines: DrawnLine[] = []
      for (const item of [...items].sort((a, b) => b.y - a.y)) {
        const line = lines.find((candidate) => Math.abs(candidate.y - item.y) <= SAME_LINE_PT)
        if (line) line.items.push(item)
        else lines.push({ y: item.y, text: '', items: [item] })
      }
      // Within a line, runs in the order the page draws them.
      for (const line of lines) {
        line.items = items.filter((item) => line.items.includes(item))
        line.text = line.items.map((item) => item.str).join('')
      }
      const header = HEADER.exec(squash(lines[0]?.text ?? ''))
      const slide = header ? Number(header[1]) : 0
      const picture = frame && { top: pageTop - frame.top, bottom: pageTop - frame.bottom }
      pages.push({ no, lines, slide, continued: pages.at(-1)?.slide === slide && slide > 0, ...(picture ? { picture } : {}) })
    }
    return pages
  } finally {
    await doc.destroy()
  }
}
