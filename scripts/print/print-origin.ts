import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { BrowserContext, Route } from 'playwright-chromium'
import type { PrintSite } from './print-site.ts'

/**
 * The print pages of an export's decks, answered from memory by the browser
 * context itself: no server, no port. A `.localhost` name never leaves the
 * machine even if something got past the route.
 */
export const PRINT_ORIGIN = 'http://print.localhost'
/** The one stylesheet every print page links to. */
export const STYLESHEET = '/decks.css'
/** The global function a print page defines to fit every `.deck-fit` box again (scripts/print/fit-script.ts). */
export const FIT_ALL = 'briefdeckFitAll'
/** The id of the print page's `@page` size rule, which the handout replaces with its own. */
export const PAGE_SIZE_STYLE = 'print-page-size'
const CONTENT_TYPES: Record<string, string> = { '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.svg': 'image/svg+xml', '.png': 'image/png' }

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
