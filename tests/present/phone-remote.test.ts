import type { BrowserContext, Page } from 'playwright-chromium'
import { describe, expect, it } from 'vitest'
import { main } from '../../scripts/cli/start.ts'
import { freePort } from '../../scripts/slidev/server.ts'
import { useBrowser } from '../browser/fixture.ts'
import { presenting, roomExposed } from '../support/presenting.ts'

/** A phone upright and on its side. */
const PHONES = [
  { width: 390, height: 844 },
  { width: 844, height: 390 },
]

/** The printed address, reached through another loopback address (never this machine's LAN address). */
function via(printed: string, host: string): string {
  const url = new URL(printed)
  url.hostname = host
  return url.toString()
}

/** What a phone's presenter view offers, measured in the page. */
function measure(page: Page) {
  return page.evaluate(() => {
    const box = (element: Element | null) => {
      const rect = element?.getBoundingClientRect()
      return rect ? { left: rect.left, right: rect.right, width: rect.width, height: rect.height } : null
    }
    const note = document.querySelector<HTMLElement>('.slidev-presenter .grid-section.note .slidev-note')!
    const paragraphs = [...note.querySelectorAll('p[lang]')].filter((p) => p.getClientRects().length > 0)
    return {
      pageOverflow: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - innerWidth,
      noteOverflow: note.scrollWidth - note.clientWidth,
      noteBox: box(note),
      noteFonts: paragraphs.map((p) => parseFloat(getComputedStyle(p).fontSize)),
      buttons: [...document.querySelectorAll('.deck-remote button')].map((button) => ({ title: button.getAttribute('title'), ...box(button)! })),
      pace: document.querySelector('.deck-remote-pace')?.textContent?.trim() ?? '',
    }
  })
}

describe('npm start -- --lan: the presenter view on a phone, as a remote', () => {
  const browser = useBrowser()

  it('shows the note readable, thumb-sized back and next, the pacing line, no sideways scrolling; the room follows its taps', async () => {
    const port = await freePort()
    // Listening on all interfaces, as in a room; the test reaches it through 127.0.0.x only.
    const { lines, exit, started, stop } = presenting((output, stopped) => main(['--lan', '--host', '0.0.0.0', '--port', String(port)], output, () => stopped), roomExposed)
    const contexts: BrowserContext[] = []
    try {
      await started
      const [audienceUrl = '', presenterUrl = ''] = lines.join('\n').split('\n').filter((line) => /^https?:\/\//.test(line))

      const projector = await browser().newContext({ viewport: { width: 1280, height: 800 } })
      contexts.push(projector)
      const room = await projector.newPage()
      await room.goto(via(audienceUrl, '127.0.0.2'))
      await room.waitForSelector('.slidev-page', { timeout: 120_000 })

      let slide = 1
      for (const [i, viewport] of PHONES.entries()) {
        const where = `${viewport.width}×${viewport.height}`
        // The presenter's address is HTTPS with a certificate made at start.
        const phone = await browser().newContext({ viewport, isMobile: true, hasTouch: true, deviceScaleFactor: 2, ignoreHTTPSErrors: true })
        contexts.push(phone)
        const page = await phone.newPage()
        await page.goto(via(presenterUrl, `127.0.0.${3 + i}`))
        await page.locator('.deck-remote').waitFor({ timeout: 120_000 })
        // A phone opened mid-talk goes where the room is.
        await expect.poll(() => page.url(), { timeout: 60_000 }).toMatch(new RegExp(`#/presenter/${slide}(\\?|$)`))
        await page.locator('.slidev-note p[lang]').first().waitFor({ timeout: 60_000 })

        const seen = await measure(page)
        expect(seen.pageOverflow, where).toBeLessThanOrEqual(0)
        expect(seen.noteOverflow, where).toBeLessThanOrEqual(0)
        expect(seen.noteBox!.left, where).toBeGreaterThanOrEqual(0)
        expect(seen.noteBox!.right, where).toBeLessThanOrEqual(viewport.width)
        // Some paragraph shown, and every one at 16 px or more (the smallest of none would be Infinity).
        expect(seen.noteFonts.length, where).toBeGreaterThan(0)
        for (const size of seen.noteFonts) expect(size, where).toBeGreaterThanOrEqual(16)
        // The first phone's Next, from the title slide, started the timer (as any first advance from it does).
        expect(seen.buttons.map((button) => button.title).sort(), where).toEqual(['Back', 'Next', i === 0 ? 'Start the timer' : 'Pause the timer'])
        for (const button of seen.buttons) {
          expect(button.width, `${button.title} at ${where}`).toBeGreaterThanOrEqual(44)
          expect(button.height, `${button.title} at ${where}`).toBeGreaterThanOrEqual(44)
          expect(button.left, `${button.title} at ${where}`).toBeGreaterThanOrEqual(0)
          expect(button.right, `${button.title} at ${where}`).toBeLessThanOrEqual(viewport.width)
        }
        expect(seen.pace, where).toMatch(/^\d+:\d\d left · (timer not started|on time|(ahead|behind) \d+:\d\d)$/)

        // Next, tapped: the phone's view and the room move on a slide (the title and bottom-line slides have no clicks).
        await page.getByRole('button', { name: 'Next', exact: true }).tap()
        slide += 1
        await expect.poll(() => page.url(), { timeout: 60_000 }).toMatch(new RegExp(`#/presenter/${slide}(\\?|$)`))
        await expect.poll(() => room.url(), { timeout: 60_000 }).toMatch(new RegExp(`#/${slide}$`))
      }

      // The timer pauses and starts from the phone, and its line says so.
      const phone = contexts.at(-1)!.pages()[0]!
      await phone.getByRole('button', { name: 'Pause the timer' }).tap()
      await phone.getByRole('button', { name: 'Start the timer' }).tap()
      await expect.poll(() => phone.locator('.deck-remote-pace').textContent(), { timeout: 30_000 }).toMatch(/left · (on time|ahead \d+:\d\d|behind \d+:\d\d)$/)
      // Back, tapped: the room follows back.
      await phone.getByRole('button', { name: 'Back', exact: true }).tap()
      await expect.poll(() => room.url(), { timeout: 60_000 }).toMatch(new RegExp(`#/${slide - 1}$`))
    } finally {
      for (const context of contexts) await context.close()
      stop()
      expect(await exit).toBe(0)
    }
  }, 900_000)
})
