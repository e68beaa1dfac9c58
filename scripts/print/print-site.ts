import path from 'node:path'
import { fitScript } from './fit-script.ts'
import { fontFacesFor } from './font-faces.ts'
import { printCss } from './print-css.ts'
import { STYLESHEET } from './print-origin.ts'
import { printPage, renderSlides, type PrintDeck } from './print-page.ts'

export interface PrintRequest {
  /** The page's path: `/NAME.html`. */
  name: string
  deck: PrintDeck
  show?: string | undefined
  /** What the page is given to draw once loaded (the handout's pages), beside its slides: its fonts stay in the stylesheet. */
  alsoDrawn: string
}

export interface PrintSite {
  /** Page path → its HTML. */
  pages: Map<string, string>
  css: string
  /** URL path → file, for what the CSS refers to (fonts). */
  files: Map<string, string>
}

/**
 * Renders every deck's print page. One stylesheet serves them all: decks of
 * one export come from one folder (the deck folder is one of Slidev's style
 * roots) and share their components. Its font faces are those the pages'
 * characters need (scripts/print/font-faces.ts).
 */
export async function makePrintSite(requests: PrintRequest[]): Promise<PrintSite> {
  const folders = new Set(requests.map((request) => path.dirname(path.resolve(request.deck.file))))
  if (folders.size > 1) throw new Error(`decks of one export come from one folder, not ${[...folders].join(', ')}`)
  const rendered = await Promise.all(requests.map(async (request) => ({ request, slides: await renderSlides(request.deck) })))
  const fonts = requests[0]?.deck.fonts ?? { sans: [], serif: [], mono: [] }
  const slides = rendered.map((page) => page.slides).join('\n')
  const { css, files } = await printCss(slides, fonts, [...folders][0] ?? '.')
  const script = await fitScript()
  const pages = new Map(
    rendered.map(({ request, slides }) => [`/${request.name}.html`, printPage(request.deck, slides, { stylesheet: STYLESHEET, script, show: request.show })]),
  )
  return { pages, css: fontFacesFor(css, [slides, ...requests.map((request) => request.alsoDrawn)].join('\n')), files }
}
