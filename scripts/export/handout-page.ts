import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Browser, Route } from 'playwright-chromium'
import { PROJECT_ROOT } from '../project.ts'
import type { ExportDeck } from './deck.ts'
import { renderHandout } from './handout-html.ts'
import { keepOffline } from './offline.ts'

/**
 * The handout page's own origin: answered by Playwright from memory and from
 * the font packages, never by a server. A `.localhost` name never leaves the
 * machine even if something got past the route.
 */
const ORIGIN = 'http://handout.localhost'
const FONT_PACKAGES = path.join(PROJECT_ROOT, 'node_modules', '@fontsource')
/** The faces and weights the decks load in style.css, and emoji, which neither face draws. */
const STYLESHEETS = ['noto-sans-tc/400.css', 'noto-sans-tc/700.css', 'noto-sans/400.css', 'noto-sans/700.css', 'noto-emoji/400.css']
const CONTENT_TYPES: Record<string, string> = { '.css': 'text/css', '.woff2': 'font/woff2', '.woff': 'font/woff' }

export interface PrintedHandout {
  pdf: Buffer
  refused: string[]
}

/**
 * Prints the handout: A4 pages of slide image and notes. The page runs no
 * script (it has none) and loads only its images and the font files.
 */
export async function printHandout(browser: Browser, deck: ExportDeck, images: Buffer[]): Promise<PrintedHandout> {
  const context = await browser.newContext({ javaScriptEnabled: false })
  try {
    const refused = await keepOffline(context)
    const html = renderHandout(deck, {
      imageUrl: (no) => `${ORIGIN}/slides/${no}.png`,
      stylesheets: STYLESHEETS.map((sheet) => `${ORIGIN}/fonts/${sheet}`),
    })
    const missing: string[] = []
    await context.route(`${ORIGIN}/**`, (route) => answer(route, html, images, missing))
    const page = await context.newPage()
    await page.goto(`${ORIGIN}/handout.html`, { waitUntil: 'load' })
    await page.evaluate(() => document.fonts.ready.then(() => undefined))
    // A handout page without its slide's image must not be written as if it were whole.
    if (missing.length > 0) throw new Error(`${deck.file}: the handout asked for what the export does not have: ${missing.join(', ')}`)
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true })
    return { pdf, refused }
  } finally {
    await context.close()
  }
}

async function answer(route: Route, html: string, images: Buffer[], missing: string[]): Promise<void> {
  const { pathname } = new URL(route.request().url())
  if (pathname === '/handout.html') return route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' })
  const slide = /^\/slides\/(\d+)\.png$/.exec(pathname)
  const image = slide ? images[Number(slide[1]) - 1] : undefined
  if (image) return route.fulfill({ body: image, contentType: 'image/png' })
  if (pathname.startsWith('/fonts/')) {
    const file = path.join(FONT_PACKAGES, decodeURIComponent(pathname.slice('/fonts/'.length)))
    const type = CONTENT_TYPES[path.extname(file)]
    if (type && file.startsWith(FONT_PACKAGES + path.sep)) {
      const body = await readFile(file).catch(() => undefined)
      if (body) return route.fulfill({ body, contentType: type })
    }
  }
  missing.push(pathname)
  return route.fulfill({ status: 404, body: '' })
}
