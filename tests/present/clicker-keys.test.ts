import type { Page } from 'playwright-chromium'
import { describe, expect, it } from 'vitest'
import { main } from '../../scripts/cli/start.ts'
import { freePort } from '../../scripts/slidev/server.ts'
import { useBrowser } from '../browser/fixture.ts'
import { presenting } from '../support/presenting.ts'
import { currentSlide, goTo, pressFrom, slideReady, type Position } from '../support/slide-ready.ts'

/**
 * What the page shows at its centre, topmost: the colour of the element there and whether it is
 * part of the slide. A blank screen is an element over everything, not a slide made dark.
 */
const centre = (page: Page) =>
  page.evaluate(() => {
    const element = document.elementFromPoint(innerWidth / 2, innerHeight / 2)
    const covers = element?.getBoundingClientRect()
    return {
      colour: element ? getComputedStyle(element).backgroundColor : '',
      slide: Boolean(element?.closest('.slidev-page')),
      whole: covers ? covers.width >= innerWidth && covers.height >= innerHeight : false,
    }
  })
const BLACK = { colour: 'rgb(0, 0, 0)', slide: false, whole: true }
const WHITE = { colour: 'rgb(255, 255, 255)', slide: false, whole: true }

/** Presses a key as a clicker sends it, to the focused element, once the page is ready. */
const press = async (page: Page, key: string) => {
  await currentSlide(page)
  await page.evaluate((key) => {
    const target = document.activeElement ?? document.body
    for (const type of ['keydown', 'keyup']) target.dispatchEvent(new KeyboardEvent(type, { key, bubbles: true, cancelable: true }))
  }, key)
}

describe("a clicker's keys (npm start)", () => {
  const browser = useBrowser()

  it('blanks the projector black (B, .) and white (W) from the presenter view, shown there; Home and End go to the first and last slide; ? shows the keys', async () => {
    const port = await freePort()
    const url = `http://localhost:${port}`
    const { exit, started, stop, lines } = presenting((output, stopped) => main(['--port', String(port)], output, () => stopped))
    // One browser, two windows: the laptop's presenter view and the projector's audience view.
    const context = await browser().newContext({ viewport: { width: 1440, height: 900 } })
    const presenter = await context.newPage()
    const audience = await context.newPage()
    const state = presenter.locator('.deck-blank-state')
    try {
      await started
      await presenter.goto(`${url}/presenter/1`, { waitUntil: 'load', timeout: 120_000 })
      await audience.goto(`${url}/1`, { waitUntil: 'load', timeout: 120_000 })
      await slideReady(presenter, { no: 1 }, 120_000)
      await slideReady(audience, { no: 1 }, 120_000)
      expect((await centre(audience)).slide).toBe(true)
      await expect.poll(() => state.getAttribute('data-blank')).toBe('none')

      // B: black on the projector, said in the presenter view, whose own slide stays; B again: the slide.
      await press(presenter, 'b')
      await expect.poll(() => centre(audience)).toEqual(BLACK)
      await expect.poll(() => state.textContent()).toMatch(/Screen black/)
      expect(await state.getAttribute('data-blank')).toBe('black')
      expect((await centre(presenter)).colour).not.toBe(BLACK.colour)
      await press(presenter, 'b')
      await expect.poll(async () => (await centre(audience)).slide).toBe(true)
      await expect.poll(() => state.getAttribute('data-blank')).toBe('none')

      // `.`, the blank button of common clickers: the same black. W: white; W again: the slide.
      await press(presenter, '.')
      await expect.poll(() => centre(audience)).toEqual(BLACK)
      await press(presenter, 'w')
      await expect.poll(() => centre(audience)).toEqual(WHITE)
      await expect.poll(() => state.getAttribute('data-blank')).toBe('white')
      await press(presenter, 'w')
      await expect.poll(async () => (await centre(audience)).slide).toBe(true)

      // A reloaded projector window stays blank; the presenter's button shows the slide again.
      await press(presenter, 'b')
      await expect.poll(() => centre(audience)).toEqual(BLACK)
      await audience.reload({ waitUntil: 'load' })
      await slideReady(audience, { no: 1 }, 120_000)
      await expect.poll(() => centre(audience)).toEqual(BLACK)
      await state.click({ force: true })
      await expect.poll(async () => (await centre(audience)).slide).toBe(true)

      // End and Home: the last slide and the first, in the presenter view and on the projector.
      const { slides } = await goTo(presenter, { no: 2, clicks: 0 })
      const last: Position = { no: slides, clicks: 0 }
      await pressFrom(presenter, 'End', { no: 2, clicks: 0 }, last)
      await slideReady(audience, last)
      await pressFrom(presenter, 'Home', last, { no: 1, clicks: 0 })
      await slideReady(audience, { no: 1 })

      // ?: the keys, in the presenter view.
      const table = presenter.locator('.deck-keys')
      await press(presenter, '?')
      await table.waitFor()
      for (const key of ['B  .', 'W', 'Home  End', 'F', 'L']) await expect.poll(() => table.locator('th').allTextContents()).toContain(key)
      await press(presenter, 'Escape')
      await table.waitFor({ state: 'detached' })
      expect(await audience.locator('.deck-keys, .deck-blank-state').count()).toBe(0)
    } finally {
      await context.close()
      stop()
      expect(await exit, lines.join('\n')).toBe(0)
    }
  }, 600_000)
})
