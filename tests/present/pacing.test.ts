import { readFile } from 'node:fs/promises'
import type { Page } from 'playwright-chromium'
import { describe, expect, it } from 'vitest'
import { main } from '../../scripts/cli/start.ts'
import { freePort } from '../../scripts/slidev/server.ts'
import { parse as parseYaml } from 'yaml'
import { DEFAULT_BRIEF, existingExtras } from '../../scripts/project.ts'
import { budgetSlack, clockSeconds, secondsToSayEachStep, sharesOfSlot } from '../support/speaking-time.ts'
import { presenting } from '../support/presenting.ts'
import { pressFrom } from '../support/slide-ready.ts'
import { pressTimer } from '../support/slidev-timer.ts'
import { useBrowser } from '../browser/fixture.ts'

/** The panel's words, as read (its verdict is set in capitals by CSS: textContent is the text itself). */
const panel = (page: Page) => page.locator('.deck-pacing')
const panelText = (page: Page) =>
  panel(page).evaluate((element) => [...element.children].map((child) => child.textContent?.trim()).join(' '))
const slack = budgetSlack

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
      // The budgets the panel must show, reckoned by the test from the shipped brief (both languages, the
      // README's pace), never read from the plan the code under test wrote.
      const extras = parseYaml(await readFile(existingExtras(DEFAULT_BRIEF)!, 'utf8')) as Parameters<typeof secondsToSayEachStep>[1]
      const shares = sharesOfSlot(secondsToSayEachStep(await readFile(DEFAULT_BRIEF, 'utf8'), extras, ['zh-Hant', 'en']), 600)
      const share = (slide: number) => shares[slide - 1]!.reduce((a, b) => a + b, 0)
      const url = `http://localhost:${port}`

      await presenter.goto(`${url}/presenter/1`, { waitUntil: 'load', timeout: 120_000 })
      await panel(presenter).waitFor({ timeout: 120_000 })
      const [, firstBudget] = /^10:00 left this slide 0:00 of (\d+:\d\d) timer not started$/.exec(await panelText(presenter)) ?? []
      expect(Math.abs(clockSeconds(firstBudget) - share(1)), `slide 1: ${firstBudget} shown, ${share(1).toFixed(1)} s reckoned`).toBeLessThanOrEqual(slack(share(1)))
      // The timer runs against the budget the panel shows.
      const budget1 = clockSeconds(firstBudget)
      expect(await panel(presenter).getAttribute('data-state')).toBe('not-started')

      // Slidev's own timer.
      await pressTimer(presenter, 'play')
      await context.clock.runFor((budget1 + 5) * 1000)
      await expect.poll(() => panel(presenter).getAttribute('data-state')).toBe('behind')
      const behind = /^(\d+):(\d\d) left this slide (\d+):(\d\d) of (\d+:\d\d) (\d+):(\d\d) behind$/
      const seconds = (m: string | undefined, s: string | undefined) => Number(m) * 60 + Number(s)
      /** Behind on slide 1, by at least the 5 s the timer ran past its budget; no more could have passed than ran since. */
      const expectBehind = async () => {
        const [, lm, ls, sm, ss, slideBudget, bm, bs] = behind.exec(await panelText(presenter)) ?? []
        // A second either way: the panel rounds what is left up, as a countdown does.
        expect(seconds(lm, ls)).toBeLessThanOrEqual(600 - budget1 - 4)
        expect(seconds(sm, ss)).toBeGreaterThanOrEqual(budget1 + 4)
        expect(slideBudget).toBe(firstBudget)
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
        expect(Math.abs(clockSeconds(slideBudget) - share(3)), `slide 3: ${slideBudget} shown, ${share(3).toFixed(1)} s reckoned`).toBeLessThanOrEqual(slack(share(3)))
        // The slide's time starts when it is reached: no more than the real time since (which flows here
        // at the machine's pace, a loaded machine's too), and a second of rounding.
        expect(seconds(sm, ss)).toBeLessThanOrEqual(Math.ceil((Date.now() - arrived) / 1000) + 1)
        return seconds(am, as)
      }
      const atSlide = await ahead()
      // Reached some 5 s after slide 1's budget ran out: ahead by slide 2's budget less those seconds, at most.
      expect(atSlide).toBeLessThanOrEqual(share(2) + slack(share(2)) - 4)
      // The keys go to the page, not to a control that had the focus (a click on the pacing box would pause the timer).
      await presenter.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
      await pressFrom(presenter, 'ArrowRight', { no: 3, clicks: 0 }, { no: 3, clicks: 1 })
      // Click 1 is planned after the heading's share of slide 3.
      await expect.poll(ahead).toBeGreaterThanOrEqual(atSlide + shares[2]![0]! - slack(shares[2]![0]!) - 2)

      // Slidev's reset sets everything back to the slot.
      await pressTimer(presenter, 'renew')
      await expect.poll(() => panelText(presenter)).toMatch(/^10:00 left this slide 0:00 of .* timer not started$/)

      // The audience view has Slidev's controls (with our language button; hidden, setup/audience-view.ts) but no pacing, the timer
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

  it('speaks Chinese in the zh-Hant deck: time left, this slide, behind, timer not started', async () => {
    const port = await freePort()
    const { exit, started, stop } = presenting((output, stopped) => main(['--deck', 'zh-Hant', '--minutes', '10', '--port', String(port)], output, () => stopped))
    const context = await browser().newContext({ viewport: { width: 1440, height: 900 } })
    await context.clock.install({ time: new Date('2026-11-27T09:00:00Z') })
    const presenter = await context.newPage()
    try {
      await started
      await presenter.goto(`http://localhost:${port}/presenter/1`, { waitUntil: 'load', timeout: 120_000 })
      await panel(presenter).waitFor({ timeout: 120_000 })
      expect(await panelText(presenter)).toMatch(/^剩餘 10:00 本頁 0:00／\d+:\d\d 計時未開始$/)
      expect(await panel(presenter).getAttribute('lang')).toBe('zh-Hant')
      // The timer starts as the presenter leaves the title slide; four minutes on, slide 2 (some 2:30 of the 10) is over its budget.
      await pressFrom(presenter, 'ArrowRight', { no: 1, clicks: 0 }, { no: 2, clicks: 0 })
      await expect.poll(() => panel(presenter).getAttribute('data-state')).not.toBe('not-started')
      await context.clock.runFor(240_000)
      await expect.poll(() => panel(presenter).getAttribute('data-state')).toBe('behind')
      expect(await panelText(presenter)).toMatch(/^剩餘 \d+:\d\d 本頁 \d+:\d\d／\d+:\d\d 落後 \d+:\d\d$/)
      expect(await panelText(presenter)).not.toMatch(/left|this slide|behind|timer/)
    } finally {
      await context.close()
      stop()
      expect(await exit).toBe(0)
    }
  }, 300_000)
})
