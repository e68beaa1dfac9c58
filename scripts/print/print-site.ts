import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { BrowserContext, Route } from 'playwright-chromium'
import { fitScript } from './fit-script.ts'
import { fontFacesFor } from './font-faces.ts'
import { printCss } from './print-css.ts'
import { printPage, renderSlides, type PrintDeck } from './print-page.ts'

/**
 * The print pages of an export's decks, answered from memory by the browser
 * context itself: no server, no port. A `.localhost` name never leaves the
 * machine even if something got past the route.
 */
export const PRINT_ORIGIN = 'http://print.localhost'
const STYLESHEET = '/decks.css'
const CONTENT_TYPES: Record<string, string> = { '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.svg': 'image/svg+xml', '.png': 'image/png' }

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

/**
 * Answers the print origin in `context`; what it cannot answer is listed in
 * the returned array (and is a 404). The site may still be rendering: the
 * tab can open meanwhile, and its first request waits for it.
 */
export async function routePrintSite(context: BrowserContext, site: PrintSite | Promise<PrintSite>): Promise<string[]> {
  const missing: string[] = []
  await context.route(`${PRINT_ORIGIN}/**`, (route) => answer(route, site, missing))
  return missing
}

async function answer(route: Route, rendering: PrintSite | Promise<PrintSite>, missing: string[]): Promise<void> {
  const { pathname } = new URL(route.request().url())
  const site = await rendering
  const page = site.pages.get(pathname)
  if (page) return route.fulfill({ body: page, contentType: 'text/html; charset=utf-8' })
  if (pathname === STYLESHEET) return route.fulfill({ body: site.css, contentType: 'text/css; charset=utf-8' })
  const file = site.files.get(pathname)
  const body = file ? await readFile(file).catch(() => undefined) : undefined
  if (body) return route.fulfill({ body, contentType: CONTENT_TYPES[path.extname(file!)] ?? 'application/octet-stream' })
  missing.push(pathname)
  return route.fulfill({ status: 404, body: '' })
}
