import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Page } from 'playwright-chromium'
import { describe, expect, it } from 'vitest'
import { main } from '../../scripts/cli/start.ts'
import { presentDecksFor } from '../../scripts/project.ts'
import { freePort } from '../../scripts/slidev/server.ts'
import { formatClock } from '../../scripts/timing/clock.ts'
import { planFromSlides, type SlidePacing } from '../../scripts/timing/pace.ts'
import { readDeck } from '../support/deck-reader.ts'
import { presenting } from '../support/presenting.ts'
import { pressFrom } from '../support/slide-ready.ts'
import { pressTimer } from '../support/slidev-timer.ts'
import { useBrowser } from '../browser/fixture.ts'

/** The panel's words, as read (its verdict is set in capitals by CSS: textContent is the text itself). */
const panel = (page: Page) => page.locator('.deck-pacing')
const panelText = (page: Page) =>
  panel(page).evaluate((element) => [...element.children].map((child) => child.textContent?.trim()).join(' '))

describe('pacing in the presenter view (npm start -- --minutes 10)', () => {
  const browser = useBrowser()

  it('shows the slot before the timer starts, says behind once a budget is spent, follows clicks, reloads and resets; the audience never sees it', async () => {
    const port = await freePort()
    const { exit, started, stop } = presenting((output, stopped) => main(['--minutes', '10', '--port', String(port)], output, () => stopped))
    // Time in the pages is Playwright's: the test moves the timer on by minutes at once. Between those
    // jumps it still flows, at whatever speed the machine has: the checks below allow for that.
    // (The fake animation frames stall Playwright's wait for a still element: hence force on clicks.)
    const context = await browser().newContext({ viewport: { width: 1440, height: 900 } })
    await context.clock.install({ time: new Date('2026-11-27T09:00:00Z') })
    const presenter = await context.newPage()
    const audience = await context.newPage()
    try {
      await started
      const deck = await readDeck(await readFile(path.join(presentDecksFor(port), 'bilingual.md'), 'utf8'))
      const plan = planFromSlides(deck.map((slide) => slide.frontmatter.pacing as SlidePacing | undefined))
      if (!plan) throw new Error('the presented deck carries no plan')
      const { steps } = plan
      const budget = (slide: number) => steps[slide - 1]!.reduce((a, b) => a + b, 0)
      const url = `http://localhost:${port}`

      await presenter.goto(`${url}/presenter/1`, { waitUntil: 'load', timeout: 120_000 })
      await panel(presenter).waitFor({ timeout: 120_000 })
      expect(await panelText(presenter)).toBe(`10:00 left this slide 0:00 of ${formatClock(budget(1))} timer not started`)
      expect(await panel(presenter).getAttribute('data-state')).toBe('not-started')

      // Slidev's own timer.
      await pressTimer(presenter, 'play')
      await context.clock.runFor((budget(1) + 5) * 1000)
      await expect.poll(() => panel(presenter).getAttribute('data-state')).toBe('behind')
      const behind = /^(\d+):(\d\d) left this slide (\d+):(\d\d) of (\d+:\d\d) (\d+):(\d\d) behind$/
      const seconds = (m: string | undefined, s: string | undefined) => Number(m) * 60 + Number(s)
      /** Behind on slide 1, by at least the 5 s the timer ran past its budget; no more could have passed than ran since. */
      const expectBehind = async () => {
        const [, lm, ls, sm, ss, slideBudget, bm, bs] = behind.exec(await panelText(presenter)) ?? []
        // A second either way: the panel rounds what is left up, as a countdown does.
        expect(seconds(lm, ls)).toBeLessThanOrEqual(600 - budget(1) - 4)
        expect(seconds(sm, ss)).toBeGreaterThanOrEqual(budget(1) + 4)
        expect(slideBudget).toBe(formatClock(budget(1)))
        expect(seconds(bm, bs)).toBeGreaterThanOrEqual(4)
      }
      await expectBehind()

      // It survives a reload: the timer and the time on each slide are the server's. (The page sends
      // them a moment after they change: reload once the server holds them, as it serves them to the page.)
      await expect
        .poll(() => fetch(`${url}/@server-reactive/nav`).then((response) => response.text()), { timeout: 30_000 })
        .toMatch(/"status":"running".*"slides":\{"1":\{"start":\d+\}/)
      await presenter.reload({ waitUntil: 'load' })
      await panel(presenter).waitFor()
      await expect.poll(() => panel(presenter).getAttribute('data-state')).toBe('behind')
      await expectBehind()

      // It follows the slides and clicks: slide 3 is reached well before its planned start, and each
      // click moves the plan on by that click's budget.
      const arrived = Date.now()
      await presenter.goto(`${url}/presenter/3`, { waitUntil: 'load' })
      await expect.poll(() => panel(presenter).getAttribute('data-state')).toBe('ahead')
      const ahead = async () => {
        const [, sm, ss, slideBudget, am, as] = / this slide (\d+):(\d\d) of (\S+) (\d+):(\d\d) ahead$/.exec(await panelText(presenter)) ?? []
        expect(slideBudget).toBe(formatClock(budget(3)))
        // The slide's time starts when it is reached: no more than the real time since (which flows here
        // at the machine's pace, a loaded machine's too), and a second of rounding.
        expect(seconds(sm, ss)).toBeLessThanOrEqual(Math.ceil((Date.now() - arrived) / 1000) + 1)
        return seconds(am, as)
      }
      const atSlide = await ahead()
      expect(atSlide).toBeLessThanOrEqual(budget(1) + budget(2) - (budget(1) + 4))
      // The keys go to the page, not to a control that had the focus.
      await presenter.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
      await pressFrom(presenter, 'ArrowRight', { no: 3, clicks: 0 }, { no: 3, clicks: 1 })
      await expect.poll(ahead).toBeGreaterThanOrEqual(atSlide + steps[2]![0]! - 2)

      // Slidev's reset sets everything back to the slot.
      await pressTimer(presenter, 'renew')
      await expect.poll(() => panelText(presenter)).toMatch(/^10:00 left this slide 0:00 of .* timer not started$/)

      // The audience view has Slidev's controls (with our language button) but no pacing, the timer
      // running. (Opened last: an audience page sends Slidev's whole shared state as it arrives, its
      // timer too, and the server keeps whichever came last — sent beside a reset, it could undo it.)
      await pressTimer(presenter, 'play')
      await audience.goto(`${url}/1`, { waitUntil: 'load', timeout: 120_000 })
      await audience.locator('.deck-show-mode').waitFor({ state: 'attached', timeout: 60_000 })
      expect(await audience.locator('.deck-pacing').count()).toBe(0)
      expect(await audience.evaluate(() => document.body.textContent)).not.toMatch(/\d+:\d\d (left|over)|behind|ahead|timer not started/)
    } finally {
      await context.close()
      stop()
      expect(await exit).toBe(0)
    }
  }, 300_000)
})
