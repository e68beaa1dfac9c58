import type { BrowserContext, Page } from 'playwright-chromium'
import { encode } from 'uqr'
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

/** The dark modules of the presenter view's QR code (an SVG of unit squares `M{x} {y}h1v1h-1z` inside a 4-module quiet zone). */
function qrModules(svg: string): boolean[][] {
  const count = Number(/data-modules="(\d+)"/.exec(svg)?.[1])
  const grid = Array.from({ length: count }, () => Array<boolean>(count).fill(false))
  for (const [, x, y] of svg.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) grid[Number(y) - 4]![Number(x) - 4] = true
  return grid
}

/**
 * Whether `modules` is a QR code of `text`: an independent encoder (uqr) draws the text at the
 * same size with each of the eight masks, and one of them is the same, module for module.
 */
function encodes(modules: boolean[][], text: string): boolean {
  const version = (modules.length - 17) / 4
  return Array.from({ length: 8 }, (_, mask) => encode(text, { ecc: 'M', border: 0, maskPattern: mask, minVersion: version, maxVersion: version, boostEcc: false }).data).some(
    (data) => JSON.stringify(data) === JSON.stringify(modules),
  )
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

      // The laptop's presenter view offers the phone a QR code of the presenter address, as printed.
      const laptop = await browser().newContext({ viewport: { width: 1440, height: 900 }, ignoreHTTPSErrors: true })
      contexts.push(laptop)
      const lectern = await laptop.newPage()
      await lectern.goto(via(presenterUrl, '127.0.0.7'))
      await lectern.locator('.deck-phone-toggle').click({ timeout: 120_000 })
      const qr = lectern.locator('.deck-phone img.deck-phone-qr')
      await qr.waitFor({ timeout: 30_000 })
      const svg = await qr.evaluate(async (img: HTMLImageElement) => (await fetch(img.src)).text())
      expect(encodes(qrModules(svg), presenterUrl), svg.slice(0, 200)).toBe(true)
      // The check can tell codes apart: the audience's address is not what it draws.
      expect(encodes(qrModules(svg), audienceUrl)).toBe(false)
      expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
      // The audience's page (the projector) has no such code, nor its address, nor can fetch it.
      expect(await room.locator('.deck-phone-toggle, .deck-phone, img.deck-phone-qr').count()).toBe(0)
      expect(await room.evaluate(() => document.querySelector('meta[name="briefdeck-room"]')?.getAttribute('content'))).toBe('{"events":"/events"}')
      const secret = new URL(presenterUrl).pathname.split('/')[1] ?? ''
      expect(await room.evaluate(async (secret) => [(await fetch('/phone.svg')).status, (await fetch(`/${secret}/phone.svg`)).status], secret)).toEqual([404, 404])
      await laptop.close()
      contexts.pop()

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
        expect(seen.buttons.map((button) => button.title).sort(), where).toEqual([
          'Back',
          'Languages shown to the room: both → 中文 → English',
          'Next',
          i === 0 ? 'Start the timer' : 'Pause the timer',
        ])
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

      // The phone's 中/EN: the room shows 中文 only, then English only.
      const shownInRoom = () => room.evaluate(() => document.documentElement.getAttribute('data-deck-show'))
      expect(await shownInRoom()).toBe('both')
      await phone.getByRole('button', { name: 'Languages shown: 中/EN' }).tap()
      await expect.poll(shownInRoom, { timeout: 30_000 }).toBe('zh-Hant')
      await phone.getByRole('button', { name: 'Languages shown: 中文' }).tap()
      await expect.poll(shownInRoom, { timeout: 30_000 }).toBe('en')
      expect(await phone.getByRole('button', { name: 'Languages shown: EN' }).count()).toBe(1)

      // A long note (a section's, both languages) scrolls inside its panel; the page itself does not move.
      await phone.getByRole('button', { name: 'Languages shown: EN' }).tap()
      await expect.poll(shownInRoom, { timeout: 30_000 }).toBe('both')
      for (let at = slide - 1; at < 3; at++) await phone.getByRole('button', { name: 'Next', exact: true }).tap()
      await expect.poll(() => phone.url(), { timeout: 60_000 }).toMatch(/#\/presenter\/3(\?|$)/)
      const note = phone.locator('.slidev-presenter .grid-section.note .slidev-note')
      await note.locator('p[lang]').first().waitFor({ timeout: 60_000 })
      const scrolling = () => note.evaluate((element) => ({ top: element.scrollTop, height: element.scrollHeight, shown: element.clientHeight, pageTop: scrollY }))
      const before = await scrolling()
      expect(before.height, 'the note is longer than its panel').toBeGreaterThan(before.shown + 100)
      const box = (await note.boundingBox())!
      await phone.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
      await phone.mouse.wheel(0, 400)
      await expect.poll(async () => (await scrolling()).top, { timeout: 30_000 }).toBeGreaterThan(before.top + 100)
      expect((await scrolling()).pageTop).toBe(0)
    } finally {
      for (const context of contexts) await context.close()
      stop()
      expect(await exit).toBe(0)
    }
  }, 900_000)
})
