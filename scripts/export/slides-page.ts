import type { Browser, Page } from 'playwright-chromium'
import { FIT_ALL, PRINT_ORIGIN, routePrintSite } from '../print/print-origin.ts'
import type { PrintSite } from '../print/print-site.ts'
import { joinTitle, TITLE_SEPARATOR, type ExportDeck, type LangText } from './deck.ts'
import { keepToPrintSite } from './offline.ts'

/** A deck shown in Slidev's print view: every slide, every click revealed, one per page. */
export interface SlidesPage {
  page: Page
  /** Requests refused because they were not for the print site. */
  refused: string[]
  close: () => Promise<void>
}

/**
 * tsx compiles with esbuild's keepNames, which wraps named functions in a
 * `__name(fn, "name")` helper; a function sent to the page needs it there too.
 */
export const KEEP_NAMES_SHIM = 'globalThis.__name ??= (fn) => fn'

/** Generous for a busy machine: a print page loads in well under a second. */
const LOAD_TIMEOUT_MS = 60_000
/** Fitting changes sizes, and new sizes can need no new font files: two rounds settle it, a third is a guard. */
const FIT_ROUNDS = 3

/**
 * One tab of the export's browser, answering the print site, kept for every
 * deck of an export: a new page costs Chromium a renderer process, and the
 * decks' fonts stay loaded (see `showSlides`).
 */
export interface PrintTab {
  page: Page
  /** Requests refused because they were not for the print site. */
  refused: string[]
  /** What the print pages asked of the site that it does not have. */
  missing: string[]
  /** Whether the tab shows one of the site's print pages (the next deck can take its place). */
  shown?: boolean
  close: () => Promise<void>
}

export async function openPrintTab(browser: Browser, site: PrintSite | Promise<PrintSite>): Promise<PrintTab> {
  const context = await browser.newContext({ deviceScaleFactor: 1, colorScheme: 'light' })
  try {
    const refused = await keepToPrintSite(context)
    const missing = await routePrintSite(context, site)
    const page = await context.newPage()
    return { page, refused, missing, close: () => context.close() }
  } catch (error) {
    await context.close()
    throw error
  }
}

/**
 * Shows a deck's print page (scripts/print/) in `tab`: every slide with all
 * clicks shown, laid out as Slidev lays it out, one per page at the slide's
 * size. `pagePath` is the deck's page in the tab's site.
 */
export async function showSlides(tab: PrintTab, pagePath: string, deck: ExportDeck): Promise<SlidesPage> {
  const { page } = tab
  const missingBefore = tab.missing.length
  await page.setViewportSize({ width: deck.width, height: deck.height })
  // The previous deck left the page in print media.
  await page.emulateMedia({ media: 'screen', colorScheme: 'light' })
  await loadSlides(page, `${PRINT_ORIGIN}${pagePath}`, deck.slides.length, tab.shown === true)
  tab.shown = true
  // A slide drawn without one of its fonts or images must not be printed as if it were whole.
  const missing = tab.missing.slice(missingBefore)
  if (missing.length > 0) throw new Error(`${deck.file}: the print page asked for what the export does not have: ${missing.join(', ')}`)
  await page.evaluate(KEEP_NAMES_SHIM)
  await page.evaluate(markTitles, {
    documentTitle: joinTitle(deck.title),
    titles: deck.slides.map((slide) => slide.title),
    separator: TITLE_SEPARATOR,
  })
  // Lay the page out first: fonts that only the new styles and headings need start loading then.
  await page.evaluate(() => (document.body.getBoundingClientRect(), document.fonts.ready.then(() => undefined)))
  return { page, refused: tab.refused, close: async () => {} }
}

/** A deck's print page in a tab of its own, closed with it. */
export async function openSlidesPage(browser: Browser, site: PrintSite, pagePath: string, deck: ExportDeck): Promise<SlidesPage> {
  const tab = await openPrintTab(browser, site)
  try {
    return { ...(await showSlides(tab, pagePath, deck)), close: tab.close }
  } catch (error) {
    await tab.close()
    throw error
  }
}

/**
 * Loads the print page and fits every slide as DeckFit fits a shown slide:
 * once its fonts are in, again in print media; if the page fails, the error
 * says what it showed. A tab that shows another deck's print page takes the
 * new page in place (`takePage`) rather than navigating.
 */
async function loadSlides(page: Page, url: string, count: number, inPlace: boolean): Promise<void> {
  try {
    if (!inPlace || !(await page.evaluate(takePage, url))) await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS })
    const shown = await page.locator('#export-content .print-slide-container').count()
    if (shown !== count) throw new Error(`${shown} slides instead of ${count}`)
  } catch (error) {
    throw new Error(`${url} did not show its ${count} slides: ${(error as Error).message}\nThe page shows: ${await shownText(page)}`, { cause: error })
  }
  await fitSlides(page)
  await page.emulateMedia({ media: 'print', colorScheme: 'light' })
  await fitSlides(page)
}

/**
 * Runs in a print page: puts the page at `url` in its place, without navigating, and says
 * whether it could. Every print page of an export shares one stylesheet and one script; Chromium
 * keeps nothing of a page it leaves when the browser context routes requests (Playwright turns
 * its cache off), so a navigation would parse the stylesheet and fetch every font again. Here
 * the stylesheet and the loaded fonts stay; the page's `<html>` attributes, its own styles and
 * its body are the new page's. A page built otherwise is loaded the usual way.
 */
async function takePage(url: string): Promise<boolean> {
  const answer = await fetch(url)
  if (!answer.ok) return false
  const next = new DOMParser().parseFromString(await answer.text(), 'text/html')
  const links = (doc: Document) => [...doc.head.querySelectorAll('link')].map((link) => link.outerHTML).join('')
  const styles = [...document.head.querySelectorAll('style')]
  const nextStyles = [...next.head.querySelectorAll('style')]
  const scripts = (doc: Document) => [...doc.querySelectorAll('script')].map((script) => script.textContent).join('')
  if (links(next) !== links(document) || nextStyles.length !== styles.length || scripts(next) !== scripts(document)) return false
  const root = document.documentElement
  for (const name of root.getAttributeNames()) root.removeAttribute(name)
  for (const name of next.documentElement.getAttributeNames()) root.setAttribute(name, next.documentElement.getAttribute(name)!)
  styles.forEach((style, i) => {
    style.textContent = nextStyles[i]!.textContent
    style.id = nextStyles[i]!.id
  })
  document.title = next.title
  // The script ran when the first page loaded; kept (not run again), it stays to compare with the next.
  const ran = [...document.body.querySelectorAll(':scope > script')]
  document.body.replaceChildren(...[...next.body.childNodes].filter((node) => node.nodeName !== 'SCRIPT').map((node) => document.adoptNode(node)), ...ran)
  window.scrollTo(0, 0)
  return true
}

async function fitSlides(page: Page): Promise<void> {
  for (let round = 0; round < FIT_ROUNDS; round++) {
    const before = await scales(page)
    await page.evaluate((fit) => ((globalThis as unknown as Record<string, () => void>)[fit]!(), document.fonts.ready.then(() => undefined)), FIT_ALL)
    if ((await scales(page)) === before && round > 0) return
  }
}

function scales(page: Page): Promise<string> {
  return page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.deck-fit')].map((box) => box.dataset.deckScale ?? '').join(','))
}

/** The start of what a page shows, for an error message. */
async function shownText(page: Page): Promise<string> {
  const text = await page.evaluate(() => document.body.innerText).catch(() => '(nothing readable)')
  return text.replace(/\s+/g, ' ').slice(0, 500)
}

/** The slide PDF: Chromium prints all pages in one job, so it can tag the PDF and build its outline. */
export function printSlides(slides: SlidesPage): Promise<Buffer> {
  return slides.page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true })
}

/**
 * Runs in the page. Chromium builds the PDF outline from headings (h1–h6),
 * naming each entry by the text it draws, and a title that wraps on the
 * slide would lose its spaces there. So each slide gets one level-1 heading
 * of its own, drawn transparent and tiny in the corner, that reads exactly
 * like the slide's title; the slide's own headings stop being headings, and
 * the element that shows the title is hidden from screen readers, who read
 * the heading instead.
 */
function markTitles(input: { documentTitle: string; titles: LangText[][]; separator: string }): void {
  const normalize = (text: string) => text.replace(/\s+/g, '')
  document.title = input.documentTitle
  const containers = document.querySelectorAll<HTMLElement>('#export-content .print-slide-container')
  containers.forEach((container, i) => {
    const parts = input.titles[i] ?? []
    for (const heading of container.querySelectorAll('h1, h2, h3, h4, h5, h6')) heading.setAttribute('role', 'presentation')
    if (parts.length === 0) return
    const whole = normalize(parts.map((part) => part.text).join(''))
    const shown = [...container.querySelectorAll<HTMLElement>('*')].find((element) => normalize(element.textContent ?? '') === whole)
    shown?.setAttribute('aria-hidden', 'true')
    const heading = document.createElement('h1')
    parts.forEach((part, j) => {
      if (j > 0) heading.append(input.separator)
      const span = document.createElement('span')
      if (part.lang) span.lang = part.lang
      span.textContent = part.text
      heading.append(span)
    })
    heading.dataset.outlineHeading = ''
    heading.setAttribute(
      'style',
      'position:absolute;top:0;left:0;margin:0;padding:0;font-size:1px;line-height:1;color:transparent;white-space:pre;pointer-events:none',
    )
    container.prepend(heading)
  })
}
