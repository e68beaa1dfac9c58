import path from 'node:path'
import type { Browser, Page } from 'playwright-chromium'
import { startSlidev } from '../slidev/server.ts'

/** Slidev's timer in the presenter's bottom bar: its buttons show while the pointer is over it. */
const TIMER = '.slidev-presenter .grid-section.bottom > div.group'

/** Slidev's canvas: at this viewport a slide is drawn at its own size. */
const CANVAS = { width: 980, height: 552 }
/** A laptop screen for the presenter view. */
const PRESENTER = { width: 1280, height: 800 }
/** A phone upright, the presenter view as a remote. */
const PHONE = { width: 390, height: 844 }
/** Sharp on a high-density screen and in the README. */
const DEVICE_SCALE = 2

export interface Shot {
  file: string
}

/**
 * Screenshots of one deck: every slide with all its clicks shown
 * (`NAME-slide-N.png`), and the presenter view of every slide after its
 * first click (`NAME-presenter-N.png`), so the highlighted note shows; the
 * presenter view on a phone at the first slide with clicks, after its second
 * (`NAME-presenter-phone.png`), and at the end of the last slide, where the
 * rehearsal table shows (`NAME-rehearsal.png`).
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
    shots.push(await captureRehearsal(browser, server.url, path.join(outDir, `${name}-rehearsal.png`)))

    const withClicks = await page.evaluate(() => {
      const { slides } = (window as unknown as { __slidev__: { nav: { slides: { meta?: { clicks?: number } }[] } } }).__slidev__.nav
      return slides.findIndex((slide) => (slide.meta?.clicks ?? 0) > 1) + 1
    })
    await page.setViewportSize(PHONE)
    await page.goto(`${server.url}/presenter/${withClicks || 1}?clicks=2`, { waitUntil: 'networkidle' })
    await page.locator('.deck-remote').waitFor()
    await settle(page)
    shots.push({ file: path.join(outDir, `${name}-presenter-phone.png`) })
    await page.screenshot({ path: shots.at(-1)!.file })
    return shots
  } finally {
    await context.close()
    await server.stop()
  }
}

interface SlidevWindow {
  __slidev__: { nav: { currentSlideNo: number; clicks: number; clicksTotal: number; total: number; slides: { meta: { slide: { frontmatter: { pacing?: { steps: number[] } } } } }[] } }
}

/**
 * A rehearsal played on Playwright's clock: each step of each slide takes its
 * budget times 1.25, 0.8, 1.1 or 0.9 in turn (the title slide 20 s), then the
 * table at the end of the last slide.
 */
async function captureRehearsal(browser: Browser, url: string, file: string): Promise<Shot> {
  const context = await browser.newContext({ viewport: PRESENTER, deviceScaleFactor: DEVICE_SCALE })
  try {
    const page = await context.newPage()
    page.setDefaultNavigationTimeout(120_000)
    await page.goto(`${url}/presenter/1`, { waitUntil: 'networkidle' })
    await context.clock.install()
    await context.clock.pauseAt(Date.now() + 1000)
    // Slidev's timer: its play button shows when the pointer is over it.
    await page.locator(TIMER).hover({ force: true })
    await page.locator('.i-carbon\\:play').click({ force: true })
    const where = () =>
      page.evaluate(() => {
        const { nav } = (window as unknown as SlidevWindow).__slidev__
        return { slide: nav.currentSlideNo, click: nav.clicks, clicks: nav.clicksTotal, total: nav.total, steps: nav.slides[nav.currentSlideNo - 1]?.meta.slide.frontmatter.pacing?.steps }
      })
    const factors = [1.25, 0.8, 1.1, 0.9]
    for (let turn = 0; ; turn++) {
      const here = await where()
      const budget = here.steps?.[Math.min(here.click, here.steps.length - 1)] ?? 20
      await context.clock.runFor(Math.round(budget * factors[turn % factors.length]!) * 1000)
      if (here.slide === here.total && here.click >= here.clicks) break
      await page.keyboard.press('ArrowRight')
      // On a new slide, its clicks count once registered (one per step after the first): wait for them.
      await waitFor(async () => {
        const next = await where()
        const moved = next.slide !== here.slide || next.click !== here.click
        return moved && (next.slide === here.slide || next.clicks === (next.steps?.length ?? 1) - 1)
      })
    }
    await page.locator(TIMER).hover({ force: true })
    await page.locator('.i-carbon\\:pause').click({ force: true })
    await context.clock.resume()
    await page.locator('.deck-rehearsal').waitFor()
    // The notes' follow-scroll ran on the paused clock: wait until the spoken bullet's mark is in view.
    await page.waitForFunction(() => {
      const mark = document.querySelector('.slidev-note .slidev-note-click-mark-active')
      const scroller = mark?.closest('.overflow-auto, [class*="overflow-auto"]') ?? mark?.parentElement?.closest('.slidev-note')?.parentElement
      if (!mark || !scroller) return false
      const [m, s] = [mark.getBoundingClientRect(), scroller.getBoundingClientRect()]
      return m.top >= s.top && m.bottom <= s.bottom
    }, null, { timeout: 30_000 })
    await settle(page)
    await page.screenshot({ path: file })
    return { file }
  } finally {
    await context.close()
  }
}

async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  for (let tries = 0; tries < 600; tries++) {
    if (await condition()) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('the presenter view did not move')
}

/** Fonts loaded, and DeckFit's last measurement drawn. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
}
