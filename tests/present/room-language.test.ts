/**
 * The room's language (`npm start -- --lan`): the presenter's `L` (both, 中文, English) travels
 * through the room server to every device, as the position does; only the presenter's address
 * (its secret) can change it. Other devices are played on 127.0.0.x addresses.
 */
import http from 'node:http'
import type { BrowserContext, Page } from 'playwright-chromium'
import { describe, expect, it } from 'vitest'
import { main } from '../../scripts/cli/start.ts'
import { freePort } from '../../scripts/slidev/server.ts'
import { useBrowser } from '../browser/fixture.ts'
import { slideReady } from '../support/slide-ready.ts'
import { presenting, roomExposed } from '../support/presenting.ts'

/** The printed address, reached through another loopback address (never this machine's LAN address). */
function via(printed: string, host: string): string {
  const url = new URL(printed)
  url.hostname = host
  return url.toString()
}

/** The languages a page shows: the attribute setup/show-mode.ts sets on <html> (`both`, `zh-Hant`, `en`). */
const shown = (page: Page) => page.evaluate(() => document.documentElement.getAttribute('data-deck-show'))

/** Whether a page shows text in that language: a point's Chinese and English headline, as laid out. */
const visible = (page: Page, lang: string) =>
  page.evaluate((lang) => [...document.querySelectorAll(`.slidev-page [lang="${lang}"]`)].some((element) => (element as HTMLElement).offsetParent !== null), lang)

/** The languages the room's event stream (GET /events) carried, in order, as a device on 127.0.0.6 receives them. */
function shownStream(url: string) {
  let text = ''
  const request = http.get(url, (response) => response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk)))
  request.on('error', () => {})
  return {
    shows: () => [...text.matchAll(/^data: (.*)$/gm)].map((match) => (JSON.parse(match[1]!) as { show?: string }).show ?? 'unset').filter((show, i, all) => show !== all[i - 1]),
    close: () => request.destroy(),
  }
}

describe("npm start -- --lan: the room's language", () => {
  const browser = useBrowser()

  it("follows the presenter's L on every device; no device without the secret changes it", async () => {
    const port = await freePort()
    const { lines, exit, started, stop } = presenting((output, stopped) => main(['--lan', '--host', '0.0.0.0', '--port', String(port)], output, () => stopped), roomExposed)
    const contexts: BrowserContext[] = []
    const device = async () => {
      const context = await browser().newContext({ viewport: { width: 1280, height: 800 }, ignoreHTTPSErrors: true })
      contexts.push(context)
      return context.newPage()
    }
    let stream: ReturnType<typeof shownStream> | undefined
    try {
      await started
      const [audienceUrl = '', presenterUrl = ''] = lines.join('\n').split('\n').filter((line) => /^https?:\/\//.test(line))
      const secret = new URL(presenterUrl).pathname.split('/')[1] ?? ''
      stream = shownStream(new URL('events', via(audienceUrl, '127.0.0.6')).href)

      const presenter = await device()
      await presenter.goto(via(presenterUrl, '127.0.0.3'))
      await presenter.waitForSelector('.grid-section.note .slidev-note', { timeout: 120_000 })
      const projector = await device()
      await projector.goto(via(audienceUrl, '127.0.0.2'))
      await slideReady(projector, { no: 1 }, 120_000)
      const phone = await device()
      await phone.goto(via(audienceUrl, '127.0.0.4'))
      await slideReady(phone, { no: 1 }, 120_000)
      expect([await shown(projector), await shown(phone)]).toEqual(['both', 'both'])

      // The presenter's L: 中文 only on the projector and the phone, then English only.
      await presenter.keyboard.press('l')
      await expect.poll(() => shown(projector), { timeout: 30_000 }).toBe('zh-Hant')
      await expect.poll(() => shown(phone), { timeout: 30_000 }).toBe('zh-Hant')
      expect([await visible(projector, 'zh-Hant'), await visible(projector, 'en')]).toEqual([true, false])
      await presenter.keyboard.press('l')
      await expect.poll(() => shown(phone), { timeout: 30_000 }).toBe('en')
      await expect.poll(() => shown(projector), { timeout: 30_000 }).toBe('en')

      // A device without the secret: its posts are refused, and its own L changes its own page only.
      const wrong = secret.slice(0, -1) + (secret.endsWith('A') ? 'B' : 'A')
      const statuses = await phone.evaluate(async (wrong) => {
        const body = JSON.stringify({ show: 'zh-Hant', source: 'phone' })
        const tries = ['/show', `/${wrong}/show`, '/presenter/show']
        return Promise.all(tries.map((url) => fetch(url, { method: 'POST', body }).then((response) => `${url} ${response.status}`)))
      }, wrong)
      expect(statuses.every((status) => / 405$/.test(status)), statuses.join(', ')).toBe(true)
      await phone.keyboard.press('l')
      await expect.poll(() => shown(phone)).toBe('both')
      // Then the presenter's next choice: the room went from English to both only by it, and the projector
      // never left English before (the stream carries every change, in order).
      await presenter.keyboard.press('l')
      await expect.poll(() => shown(projector), { timeout: 30_000 }).toBe('both')
      await expect.poll(() => stream!.shows(), { timeout: 30_000 }).toEqual(['unset', 'zh-Hant', 'en', 'both'])
      // The presenter's own view showed each choice too.
      expect(await shown(presenter)).toBe('both')
    } finally {
      stream?.close()
      for (const context of contexts) await context.close()
      stop()
      expect(await exit).toBe(0)
    }
  }, 900_000)
})
