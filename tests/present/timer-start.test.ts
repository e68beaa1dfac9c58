import type { Page } from 'playwright-chromium'
import { describe, expect, it } from 'vitest'
import { main } from '../../scripts/cli/start.ts'
import { freePort } from '../../scripts/slidev/server.ts'
import { useBrowser } from '../browser/fixture.ts'
import { presenting } from '../support/presenting.ts'
import { currentSlide, goTo, nextPosition, pressFrom } from '../support/slide-ready.ts'

const panel = (page: Page) => page.locator('.deck-pacing')

describe('the timer (npm start -- --minutes 10)', () => {
  const browser = useBrowser()

  it('starts at the first advance from the title slide, pauses and goes on at a click on the pacing box, and starts reset at a new npm start', async () => {
    const port = await freePort()
    const url = `http://localhost:${port}`
    const start = () => presenting((output, stopped) => main(['--minutes', '10', '--port', String(port)], output, () => stopped))
    /** Slidev's shared timer as the server holds it (what a new browser is given), from the module it serves the state in. */
    const serverTimer = async () => {
      const module = await fetch(`${url}/@server-reactive/nav`).then((response) => response.text())
      const status = /"timer":\{"status":"(\w+)"/.exec(module)?.[1]
      const startedAt = Number(/"startedAt":(\d+)/.exec(module)?.[1] ?? Number.NaN)
      if (!status) throw new Error(`no timer in the server's state: ${module.slice(0, 300)}`)
      return { status, startedAt }
    }
    let run = start()
    const context = await browser().newContext({ viewport: { width: 1440, height: 900 } })
    const page = await context.newPage()
    try {
      await run.started
      await page.goto(`${url}/presenter/1`, { waitUntil: 'load', timeout: 120_000 })
      await panel(page).waitFor({ timeout: 120_000 })
      expect(await panel(page).getAttribute('data-state')).toBe('not-started')
      expect((await serverTimer()).status).toBe('stopped')

      // The first advance from the title slide starts it: no hovering over Slidev's clock.
      const title = await currentSlide(page)
      expect(title.no).toBe(1)
      await pressFrom(page, 'ArrowRight', { no: 1, clicks: 0 }, nextPosition(title)!)
      await expect.poll(async () => (await serverTimer()).status, { timeout: 30_000 }).toBe('running')
      await expect.poll(() => panel(page).getAttribute('data-state')).not.toBe('not-started')
      // And the rehearsal records from there (this browser's storage holds it: setup/rehearsal-store.ts).
      const recorded = () =>
        page.evaluate(() =>
          Object.keys(localStorage)
            .filter((key) => key.startsWith('briefdeck:rehearsal:'))
            .flatMap((key) => (JSON.parse(localStorage.getItem(key) ?? '{}') as { stretches?: { slide: number }[] }).stretches ?? [])
            .map((stretch) => stretch.slide),
        )
      await expect.poll(recorded).toContain(2)

      // A click on the pacing box pauses it, another goes on.
      await panel(page).click({ force: true })
      await expect.poll(async () => (await serverTimer()).status, { timeout: 30_000 }).toBe('paused')
      await panel(page).click({ force: true })
      await expect.poll(async () => (await serverTimer()).status, { timeout: 30_000 }).toBe('running')
      const { startedAt } = await serverTimer()
      expect(startedAt).toBeGreaterThan(0)

      // Back to the title and on again: the running timer goes on, it does not start over.
      await goTo(page, { no: 1, clicks: 0 })
      await pressFrom(page, 'ArrowRight', { no: 1, clicks: 0 }, nextPosition(await currentSlide(page))!)
      await expect.poll(async () => (await serverTimer()).status).toBe('running')
      expect((await serverTimer()).startedAt).toBe(startedAt)

      // A new npm start, the presenter's page left open: it starts with the timer reset.
      run.stop()
      expect(await run.exit, run.lines.join('\n')).toBe(0)
      run = start()
      await run.started
      expect((await serverTimer()).status).toBe('stopped')
      // The open page reloads itself from the new server (Vite's client does), and shows the reset timer.
      await expect.poll(() => panel(page).getAttribute('data-state').catch(() => null), { timeout: 120_000 }).toBe('not-started')
      const fresh = await context.newPage()
      await fresh.goto(`${url}/presenter/1`, { waitUntil: 'load', timeout: 120_000 })
      await panel(fresh).waitFor({ timeout: 120_000 })
      expect(await panel(fresh).getAttribute('data-state')).toBe('not-started')
      expect((await serverTimer()).status).toBe('stopped')
    } finally {
      await context.close()
      run.stop()
      expect(await run.exit, run.lines.join('\n')).toBe(0)
    }
  }, 600_000)
})
