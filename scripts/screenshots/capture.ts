import path from 'node:path'
import type { Browser, Page } from 'playwright-chromium'
import { startSlidev } from '../slidev/server.ts'

/** Slidev's canvas: at this viewport a slide is drawn at its own size. */
const CANVAS = { width: 980, height: 552 }
/** A laptop screen for the presenter view. */
const PRESENTER = { width: 1280, height: 800 }
/** Sharp on a high-density screen and in the README. */
const DEVICE_SCALE = 2

export interface Shot {
  file: string
}

/**
 * Screenshots of one deck: every slide with all its clicks shown
 * (`NAME-slide-N.png`), and the presenter view of every slide after its
 * first click (`NAME-presenter-N.png`), so the highlighted note shows.
 */
export async function captureDeck(browser: Browser, deck: string, name: string, outDir: string): Promise<Shot[]> {
  const server = await startSlidev({ deck })
  const context = await browser.newContext({ viewport: CANVAS, deviceScaleFactor: DEVICE_SCALE })
  try {
    const page = await context.newPage()
    page.setDefaultNavigationTimeout(120_000)
    // The first load lets Vite optimize its dependencies (it reloads the page once or twice).
    await page.goto(`${server.url}/1`, { waitUntil: 'networkidle' })
    // Slidev's dev server exposes its navigation; a slide is rendered only once visited.
    const total = await page.evaluate(() => (window as unknown as { __slidev__: { nav: { total: number } } }).__slidev__.nav.total)
    const shots: Shot[] = []
    for (let no = 1; no <= total; no++) {
      await page.goto(`${server.url}/${no}?clicks=99`, { waitUntil: 'networkidle' })
      await settle(page)
      const file = path.join(outDir, `${name}-slide-${no}.png`)
      await page.locator('#slide-content').screenshot({ path: file })
      shots.push({ file })
    }
    await page.setViewportSize(PRESENTER)
    for (let no = 1; no <= total; no++) {
      await page.goto(`${server.url}/presenter/${no}?clicks=1`, { waitUntil: 'networkidle' })
      await settle(page)
      const file = path.join(outDir, `${name}-presenter-${no}.png`)
      await page.screenshot({ path: file })
      shots.push({ file })
    }
    return shots
  } finally {
    await context.close()
    await server.stop()
  }
}

/** Fonts loaded, and DeckFit's last measurement drawn. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
}
