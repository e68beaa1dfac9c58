import { readFile } from 'node:fs/promises'
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs'

export interface PdfFacts {
  pages: number
  /**
   * Each page's text, items joined without separators (compare with whitespace removed).
   * All of it, seen or not: for what a reader sees, see shown-text.ts.
   */
  pageTexts: string[]
  /** Each page's width and height in PDF points. */
  pageSizes: { width: number; height: number }[]
  /** Top-level outline (bookmark) titles, in order. */
  outline: string[]
  /** The document's `/Lang` (from the catalog). */
  lang: string | undefined
  title: string | undefined
  /** `/MarkInfo /Marked`: the PDF is tagged. */
  marked: boolean
  /** Whether the catalog has a structure tree (page 1's is read). */
  structured: boolean
  /** Every font the pages use: its PDF name and whether its file is embedded. */
  fonts: { name: string; embedded: boolean }[]
}

/** Reads what the tests check from a PDF, with pdf.js (no hand-made parsing). */
export async function readPdf(file: string): Promise<PdfFacts> {
  const data = new Uint8Array(await readFile(file))
  const doc = await getDocument({ data, fontExtraProperties: true, useSystemFonts: false, verbosity: 0 }).promise
  try {
    const pageTexts: string[] = []
    const pageSizes: { width: number; height: number }[] = []
    const fonts = new Map<string, { name: string; embedded: boolean }>()
    let structured = false
    for (let no = 1; no <= doc.numPages; no++) {
      const page = await doc.getPage(no)
      const content = await page.getTextContent()
      pageTexts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''))
      const [left = 0, bottom = 0, right = 0, top = 0] = page.view
      pageSizes.push({ width: right - left, height: top - bottom })
      const operators = await page.getOperatorList()
      operators.fnArray.forEach((fn, i) => {
        if (fn !== OPS.setFont) return
        const id = operators.argsArray[i]?.[0] as string
        const font = page.commonObjs.get(id) as { name?: string; missingFile?: boolean }
        fonts.set(id, { name: font.name ?? id, embedded: font.missingFile === false })
      })
      if (no === 1) structured = (await page.getStructTree()) !== null
    }
    const metadata = await doc.getMetadata()
    const info = metadata.info as { Language?: string; Title?: string }
    const outline = (await doc.getOutline()) ?? []
    return {
      pages: doc.numPages,
      pageTexts,
      pageSizes,
      outline: outline.map((entry) => entry.title),
      lang: info.Language ?? undefined,
      title: info.Title,
      marked: (await doc.getMarkInfo())?.Marked === true,
      structured,
      fonts: [...fonts.values()],
    }
  } finally {
    await doc.destroy()
  }
}

/** Whitespace differs between a deck and a PDF's text (line wraps, justification): compare without it. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '')
}
