import type { Browser, Page } from 'playwright-chromium'
import { joinTitle, TITLE_SEPARATOR, type ExportDeck, type LangText } from './deck.ts'
import { keepOffline } from './offline.ts'

/** A deck shown in Slidev's print view: every slide, every click revealed, one per page. */
export interface SlidesPage {
  page: Page
  /** Requests refused because they would have left localhost. */
  refused: string[]
  close: () => Promise<void>
}

/**
 * tsx compiles with esbuild's keepNames, which wraps named functions in a
 * `__name(fn, "name")` helper; a function sent to the page needs it there too.
 */
export const KEEP_NAMES_SHIM = 'globalThis.__name ??= (fn) => fn'

/**
 * How long one load of a deck may take, and how often to try. A load that
 * stalls is retried rather than waited out: the server has compiled most of
 * the page by then, so the next load is quicker.
 */
const ATTEMPT_TIMEOUT_MS = 45_000
const LOAD_ATTEMPTS = 4

/**
 * Opens the deck on a running Slidev dev server in its browser exporter
 * (`/export`): it lays out every slide with all clicks shown, and its print
 * style sets the page to the slide's size. The dev server has no `/print`
 * route (Slidev builds that only for `slidev export`). Slide images are
 * taken at `scale` device pixels per CSS pixel, sharp on an A4 handout.
 */
export async function openSlidesPage(
  browser: Browser,
  serverUrl: string,
  deck: ExportDeck,
  scale = 2,
  show?: string,
): Promise<SlidesPage> {
  const context = await browser.newContext({
    viewport: { width: deck.width, height: deck.height },
    deviceScaleFactor: scale,
    colorScheme: 'light',
  })
  try {
    const refused = await keepOffline(context)
    const page = await context.newPage()
    // `?show=` picks the bilingual deck's languages (setup/show-mode.ts), as the presenter's `L` key does.
    await loadSlides(page, `${serverUrl}/export${show ? `?show=${show}` : ''}`, deck.slides.length)
    await page.evaluate(KEEP_NAMES_SHIM)
    await page.evaluate(markTitles, {
      documentTitle: joinTitle(deck.title),
      titles: deck.slides.map((slide) => slide.title),
      separator: TITLE_SEPARATOR,
    })
    // Lay the page out first: fonts that only the new styles and headings need start loading then.
    await page.evaluate(() => (document.body.getBoundingClientRect(), document.fonts.ready.then(() => undefined)))
    return { page, refused, close: () => context.close() }
  } catch (error) {
    await context.close()
    throw error
  }
}

/**
 * Loads the deck until every slide is laid out. A dev server that meets a
 * dependency for the first time optimizes it and reloads the page, and a
 * busy machine can leave a load half done: each attempt loads the page
 * afresh, and a deck counts as loaded only if it still is once the network
 * has settled.
 */
async function loadSlides(page: Page, url: string, count: number): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.goto(url, { waitUntil: 'load', timeout: ATTEMPT_TIMEOUT_MS })
      await page.waitForFunction(slidesReady, count, { timeout: ATTEMPT_TIMEOUT_MS })
      await page.waitForLoadState('networkidle', { timeout: ATTEMPT_TIMEOUT_MS })
      if (await page.evaluate(slidesReady, count)) break
    } catch (error) {
      if (process.env.BRIEFDECK_DEBUG) console.error(`briefdeck: loading ${url}, attempt ${attempt}: ${(error as Error).message.split('\n')[0]}; the page shows: ${await shownText(page)}`)
      if (attempt >= LOAD_ATTEMPTS) {
        throw new Error(`${url} did not show its ${count} slides: ${(error as Error).message}\nThe page shows: ${await shownText(page)}`, { cause: error })
      }
    }
  }
  await page.emulateMedia({ media: 'print', colorScheme: 'light' })
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
}

/** Runs in the page. Slides are async components: each shows a loading placeholder until its layout arrives. */
function slidesReady(count: number): boolean {
  return (
    document.querySelectorAll('#export-content .print-slide-container').length === count &&
    document.querySelectorAll('#export-content .print-slide-container .slidev-layout').length === count &&
    document.querySelectorAll('.slidev-slide-loading').length === 0
  )
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

/** Each slide as a PNG, as it prints. */
export async function captureSlides(slides: SlidesPage): Promise<Buffer[]> {
  const containers = slides.page.locator('#export-content .print-slide-container')
  const images: Buffer[] = []
  for (let i = 0; i < (await containers.count()); i++) images.push(await containers.nth(i).screenshot({ animations: 'disabled' }))
  return images
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
    heading.setAttribute(
      'style',
      'position:absolute;top:0;left:0;margin:0;padding:0;font-size:1px;line-height:1;color:transparent;white-space:pre;pointer-events:none',
    )
    container.prepend(heading)
  })
}
