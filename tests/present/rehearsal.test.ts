import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Page, Route } from 'playwright-chromium'
import { describe, expect, it } from 'vitest'
import { main } from '../../scripts/cli/start.ts'
import { DEFAULT_BRIEF, decksDirFor, existingExtras } from '../../scripts/project.ts'
import { budgetSlack, clockSeconds, secondsToSayEachStep } from '../support/speaking-time.ts'
import { freePort } from '../../scripts/slidev/server.ts'
import { parse as parseYaml } from 'yaml'
import { useBrowser } from '../browser/fixture.ts'
import { readDeck } from '../support/deck-reader.ts'
import { presenting } from '../support/presenting.ts'
import { countOverlappingSends, overlappingSends } from '../support/overlapping-sends.ts'
import { pressTimer } from '../support/slidev-timer.ts'

/** m:ss, written out here rather than borrowed from the code under test. */
const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
const slack = budgetSlack
const verdict = (actual: number, budget: number) =>
  actual === budget ? 'on time' : `${clock(Math.abs(actual - budget))} ${actual > budget ? 'over' : 'under'}`

/** The table's rows as shown: each row's cells' text. */
const tableRows = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll('.deck-rehearsal tbody tr')].map((row) => [...row.children].map((cell) => (cell.textContent ?? '').trim())))

/** Where Slidev's page sends its shared state (slide, click, timer) after each change. */
const SYNC = '/@server-reactive/nav'

const nav = (page: Page) =>
  page.evaluate(() => {
    const { nav } = (window as unknown as { __slidev__: { nav: { currentSlideNo: number; clicks: number; clicksTotal: number } } }).__slidev__
    return `${nav.currentSlideNo}/${nav.clicks}/${nav.clicksTotal}`
  })

describe('rehearsal against the slot (npm start)', () => {
  const browser = useBrowser()

  it('records the time at each slide and click, tables it against the budgets to the second, downloads the same rows as CSV, posts nothing of it', async () => {
    const port = await freePort()
    const { exit, started, stop, lines } = presenting((output, stopped) => main(['--port', String(port)], output, () => stopped))
    const context = await browser().newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true })
    const page = await context.newPage()
    const sent: string[] = []
    page.on('request', (request) => {
      if (request.method() !== 'GET') sent.push(`${request.method()} ${new URL(request.url()).pathname} ${request.postData() ?? ''}`)
    })
    try {
      await started
      const deckFile = path.join(decksDirFor('regime-security'), 'bilingual.md')
      const deckBefore = await readFile(deckFile, 'utf8')
      const slides = await readDeck(deckBefore)
      // The budgets, reckoned by the test from the shipped brief (no slot: the time the notes take to say, both
      // languages at the README's pace), never read from the plan the code under test wrote.
      const extras = parseYaml(await readFile(existingExtras(DEFAULT_BRIEF)!, 'utf8')) as Parameters<typeof secondsToSayEachStep>[1]
      const reckoned = secondsToSayEachStep(await readFile(DEFAULT_BRIEF, 'utf8'), extras, ['zh-Hant', 'en'])

      await page.addInitScript(countOverlappingSends, SYNC)
      // The page's state requests go through, but for one the test holds unanswered (`held` below).
      let hold: ((route: Route) => void) | undefined
      await page.route(`http://localhost:${port}${SYNC}`, (route) => {
        const holding = hold
        const sent = route.request().method() === 'POST' ? (route.request().postDataJSON() as { data?: { page?: number; clicks?: number } }).data : undefined
        if (!holding || sent?.page !== 3 || sent.clicks !== 2) return void route.continue()
        hold = undefined
        holding(route)
      })
      await page.goto(`http://localhost:${port}/presenter/1`, { waitUntil: 'load', timeout: 120_000 })
      await page.locator('.deck-pacing').waitFor({ timeout: 120_000 })
      // From here the page's time moves only when the test moves it: each stretch lasts exactly what it says.
      await context.clock.install({ time: new Date('2026-12-02T09:00:00Z') })
      await context.clock.pauseAt(new Date('2026-12-02T09:00:05Z'))
      await pressTimer(page, 'play')

      /** Seconds to spend at each place: slide 1, slide 2, slide 3 before its first click and after clicks 1 and 2. */
      const spend: [string, number][] = [['1/0', 20], ['2/0', 31], ['3/0', 5], ['3/1', 12], ['3/2', 7]]
      let held: Promise<Route> | undefined
      for (const [i, [place, seconds]] of spend.entries()) {
        // The request that tells the server of the last click is held: the pause comes while it is unanswered.
        if (i === spend.length - 1) held = new Promise((resolve) => (hold = resolve))
        await expect.poll(() => nav(page), { timeout: 60_000 }).toMatch(new RegExp(`^${place}/`))
        // A slide's clicks count once it registered them (see SLIDEV-FACTS): wait for them before the next key.
        if (place.startsWith('3/')) await expect.poll(() => nav(page), { timeout: 60_000 }).toBe(`${place}/${slides[2]!.noteClicks}`)
        await context.clock.runFor(seconds * 1000)
        if (i < spend.length - 1) await page.keyboard.press('ArrowRight')
      }

      // Slidev's timer paused (its request due once the page's clock moves), the click's request answered:
      // the page sent the pause after it, never beside it, so the server holds the pause.
      const click = await held!
      await pressTimer(page, 'pause')
      await context.clock.runFor(100)
      await click.continue()
      expect(await overlappingSends(page)).toBe(0)
      // The page's clock may flow again (a reload needs it) without adding to the times.
      await context.clock.resume()
      // A reload keeps the recording (once the server holds the paused timer, as it serves it to the page).
      await expect
        .poll(() => fetch(`http://localhost:${port}/@server-reactive/nav`).then((response) => response.text()), { timeout: 30_000 })
        .toMatch(/"status":"paused"/)
      await page.reload({ waitUntil: 'load' })
      await expect.poll(() => nav(page), { timeout: 120_000 }).toBe(`3/2/${slides[2]!.noteClicks}`)
      await page.getByRole('button', { name: 'Rehearsal', exact: true }).click({ force: true })
      await expect.poll(async () => (await tableRows(page)).length, { timeout: 30_000 }).toBeGreaterThan(0)

      // Expected rows: each slide, and each step of a slide with clicks; then the total against the slot.
      // Each budget shown is the test's reckoning to a second or two; the time spent is the test's own, and each
      // verdict is the time spent against the budget shown, to the second.
      const shown = await tableRows(page)
      const actual = new Map(spend)
      const expected: string[][] = []
      const budgetShown = (row: number, reckon: number, what: string) => {
        const budget = clockSeconds(shown[row]?.[2])
        expect(Math.abs(budget - reckon), `${what}: ${shown[row]?.[2]} shown, ${reckon.toFixed(1)} s reckoned`).toBeLessThanOrEqual(slack(reckon))
        return budget
      }
      let total = 0
      reckoned.forEach((steps, i) => {
        const stepActual = steps.map((_, step) => actual.get(`${i + 1}/${step}`) ?? 0)
        const spent = stepActual.reduce((a, b) => a + b, 0)
        total += spent
        const row = expected.length
        const budget = budgetShown(row, steps.reduce((a, b) => a + b, 0), `slide ${i + 1}`)
        expected.push([String(i + 1), expect.stringContaining(slides[i]!.shown.en[0] ?? '') as unknown as string, clock(budget), clock(spent), verdict(spent, budget)])
        if (steps.length > 1) {
          steps.forEach((reckon, step) => {
            const stepBudget = budgetShown(expected.length, reckon, `slide ${i + 1} step ${step}`)
            // A click's row names the headline it reveals, both languages, as the slide shows them (its body's props: [heading, points…]).
            const headline = `${slides[i]!.shown['zh-Hant'][step]} · ${slides[i]!.shown.en[step]}`
            expected.push([`${i + 1}.${step}`, step === 0 ? 'before the first click' : headline, clock(stepBudget), clock(stepActual[step]!), verdict(stepActual[step]!, stepBudget)])
          })
        }
      })
      const slot = budgetShown(expected.length, reckoned.flat().reduce((a, b) => a + b, 0), 'the slot')
      expected.push(['Total', 'the slot', clock(slot), clock(total), verdict(total, slot)])
      expect(total).toBe(75)
      expect(shown).toEqual(expected)

      // Download CSV: the same rows, from the browser.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV', exact: true }).click({ force: true })])
      const csv = await readFile(await download.path(), 'utf8')
      const parse = (line: string) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"')).slice(0, 5)
      const csvLines = csv.trimEnd().split('\r\n')
      expect(csvLines[0]).toBe('Slide,Title,Budget,Actual,Over/under')
      expect(csvLines.slice(1).map(parse)).toEqual(shown)

      // Nothing of it went to the server: what the page posted is Slidev's own shared state, and the deck is as it was.
      expect(sent.filter((request) => !/^POST \/@server-reactive\/nav /.test(request))).toEqual([])
      expect(sent.filter((request) => /Over\/under|rehearsal|stretches/i.test(request))).toEqual([])
      expect(await readFile(deckFile, 'utf8')).toBe(deckBefore)

      // At the end of the last slide, the table shows by itself; nothing more was recorded meanwhile.
      await page.getByRole('button', { name: 'Close', exact: true }).click({ force: true })
      await expect.poll(() => page.locator('.deck-rehearsal').count()).toBe(0)
      const last = slides.length
      await page.keyboard.press('ArrowRight')
      await page.keyboard.press('ArrowRight')
      await expect.poll(() => nav(page), { timeout: 60_000 }).toMatch(new RegExp(`^3/4/`))
      await page.keyboard.press('ArrowRight')
      await expect.poll(() => nav(page), { timeout: 60_000 }).toBe(`${last}/0/${slides[last - 1]!.noteClicks}`)
      for (let click = 1; click <= slides[last - 1]!.noteClicks; click++) {
        await page.keyboard.press('ArrowRight')
        await expect.poll(() => nav(page), { timeout: 60_000 }).toMatch(new RegExp(`^${last}/${click}/`))
      }
      await expect.poll(async () => (await tableRows(page)).at(-1), { timeout: 30_000 }).toEqual(expected.at(-1))

      // Slidev's timer reset starts a new recording.
      await pressTimer(page, 'renew')
      await expect.poll(async () => (await tableRows(page)).at(-1)?.[3], { timeout: 30_000 }).toBe('0:00')
    } finally {
      await context.close()
      stop()
      expect(await exit, lines.join('\n')).toBe(0)
    }
  }, 600_000)
})
