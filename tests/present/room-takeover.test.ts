/**
 * `npm start -- --lan` against pages of another site opened in the browsers of
 * the room's own devices (issue 35, "Presenting" 1 and 2): a page in the
 * presenter's browser opening the presenter origin (HTTPS, PORT+1) without the
 * secret, and a page in the projector's browser opening the audience build's
 * presenter route. Slidev's static builds sync the windows of one origin
 * (BroadcastChannel): such a window must move neither the presenter's view,
 * nor the room, nor the projector, nor reset the presenter's timer.
 * The room listens on 127.0.0.1 (Slidev trusts a viewer there to send its
 * position) or 127.0.0.3, the hostile pages are on 127.0.0.2.
 */
import http from 'node:http'
import type { BrowserContext, Page } from 'playwright-chromium'
import { describe, expect, it } from 'vitest'
import { main } from '../../scripts/cli/start.ts'
import { freePort } from '../../scripts/slidev/server.ts'
import { useBrowser } from '../browser/fixture.ts'
import { currentSlide, pressFrom, slideReady } from '../support/slide-ready.ts'
import { pressTimer } from '../support/slidev-timer.ts'
import { serveAttacker, type Attacker } from './attacker.ts'
import { presenting, roomExposed } from '../support/presenting.ts'

/** Every place (`slide/clicks`) the page's router went to, hash URLs (`#/presenter/3?clicks=1` is `3/1`). */
async function recordPlaces(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const visited: string[] = ((window as unknown as { visited: string[] }).visited = [])
    for (const name of ['pushState', 'replaceState'] as const) {
      const original = history[name].bind(history)
      history[name] = (data: unknown, unused: string, url?: string | URL | null) => {
        if (url) visited.push(new URL(url, location.href).hash)
        return original(data, unused, url)
      }
    }
  })
  return async () => {
    const hashes = await page.evaluate(() => (window as unknown as { visited: string[] }).visited)
    const places = hashes.map((hash) => {
      const url = new URL(hash.replace(/^#/, '') || '/', 'http://x')
      const no = /^\/(?:presenter\/)?(\d*)$/.exec(url.pathname)?.[1]
      return no === undefined ? hash : `${no || '1'}/${url.searchParams.get('clicks') ?? '0'}`
    })
    // Slidev may write one place twice in a row (a push, then a replace with the clicks).
    return places.filter((at, index) => at !== places[index - 1])
  }
}

/** The positions the room's event stream carried, as `page/clicks`. */
function eventStream(url: string) {
  let text = ''
  const request = http.get(url, (response) => response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk)))
  request.on('error', () => {})
  return {
    places: () => [...text.matchAll(/^data: (.*)$/gm)].map((match) => JSON.parse(match[1]!) as { page: number; clicks: number }).map((p) => `${p.page}/${p.clicks}`),
    close: () => request.destroy(),
  }
}

/** A page of another site that opens `window.open(url)` for each url it is given. */
const OPENER = `<!doctype html><title>another site</title><script>
  window.openAll = (urls) => urls.forEach((url, i) => window.open(url, 'w' + i));
</script>`

/**
 * Opens `urls` from the hostile page in `context`, and waits until each window has done all it
 * could: loaded, and, where it is a Slidev page, mounted its slide (its position is published then).
 * Returns each window's status and what it shows (`presenter view`, `slide`, or `no slide`).
 */
async function openFromAnotherSite(context: BrowserContext, attacker: Attacker, urls: string[]): Promise<string[]> {
  // Whether a window ever showed a presenter view, however briefly (an audience page follows the room at once).
  await context.addInitScript(() => {
    const seen = { presenter: false }
    ;(window as unknown as { seen: typeof seen }).seen = seen
    new MutationObserver(() => (seen.presenter ||= document.querySelector('.slidev-presenter') !== null)).observe(document, { subtree: true, childList: true })
  })
  const opener = await context.newPage()
  await opener.goto(attacker.url)
  const opened: Promise<string>[] = []
  const listener = (page: Page) => {
    if (page === opener) return
    opened.push(
      (async () => {
        await page.waitForLoadState('load', { timeout: 60_000 })
        // The window's own record of its document's response (its opener could not read it).
        const status = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).responseStatus)
        if (status !== 200) return `${status} no slide`
        await currentSlide(page, 120_000)
        const presenterView = await page.evaluate(() => (window as unknown as { seen: { presenter: boolean } }).seen.presenter)
        return `${status} ${presenterView ? 'presenter view' : 'slide'}`
      })(),
    )
  }
  context.on('page', listener)
  await opener.evaluate((all) => (window as unknown as { openAll: (urls: string[]) => void }).openAll(all), urls)
  await expect.poll(() => opened.length, { timeout: 30_000 }).toBe(urls.length)
  context.off('page', listener)
  const results = await Promise.all(opened)
  await opener.close()
  return results
}

describe('npm start -- --lan: pages of another site in the room devices\' browsers', () => {
  const browser = useBrowser()

  /**
   * The room on `host`, the presenter's browser and the projector's each opening, from
   * another site, the room's origins at other places; then the presenter's own move.
   * `plainHttp`: the presenter on the audience's origin (`--plain-http`).
   */
  async function attackRoom(host: string, plainHttp: boolean): Promise<void> {
    const port = await freePort()
    const { lines, exit, started, stop } = presenting((output, stopped) => main(['--deck', 'en', '--lan', '--host', host, '--port', String(port), ...(plainHttp ? ['--plain-http'] : [])], output, () => stopped), roomExposed)
    const contexts: BrowserContext[] = []
    const attacker = await serveAttacker(OPENER)
    let events: ReturnType<typeof eventStream> | undefined
    try {
      await started
      const [audienceUrl = '', presenterUrl = ''] = lines.join('\n').split('\n').filter((line) => /^https?:\/\//.test(line))
      const presenterOrigin = new URL(presenterUrl).origin
      const audienceOrigin = new URL(audienceUrl).origin
      expect(new URL(presenterOrigin).protocol).toBe(plainHttp ? 'http:' : 'https:')
      expect(new URL(presenterOrigin).hostname).toBe(host)

      // The presenter's browser, and the projector's.
      const presenterContext = await browser().newContext({ viewport: { width: 1280, height: 800 }, ignoreHTTPSErrors: true })
      const projectorContext = await browser().newContext({ viewport: { width: 1280, height: 800 } })
      contexts.push(presenterContext, projectorContext)
      const presenter = await presenterContext.newPage()
      const presenterPlaces = await recordPlaces(presenter)
      await presenter.goto(presenterUrl)
      await slideReady(presenter, { no: 1 }, 120_000)
      await presenter.waitForSelector('.grid-section.note .slidev-note', { timeout: 120_000 })
      const projector = await projectorContext.newPage()
      const projectorPlaces = await recordPlaces(projector)
      await projector.goto(audienceUrl)
      await slideReady(projector, { no: 1 }, 120_000)
      await pressTimer(presenter, 'play')
      events = eventStream(`${audienceOrigin}/events`)
      await expect.poll(() => events!.places(), { timeout: 60_000 }).toEqual(['1/0'])
      const presenterBefore = (await presenterPlaces()).length
      const projectorBefore = (await projectorPlaces()).length

      // In the presenter's browser: the presenter origin without the secret, as the audience's slide
      // and as its presenter route.
      const inPresenter = await openFromAnotherSite(presenterContext, attacker, [`${presenterOrigin}/#/4`, `${presenterOrigin}/#/presenter/4?clicks=1`])
      // In the projector's: the audience build at another slide, and at its presenter route.
      const inProjector = await openFromAnotherSite(projectorContext, attacker, [`${audienceOrigin}/#/4`, `${audienceOrigin}/#/presenter/4?clicks=3`, `${audienceOrigin}/#/presenter/5`])

      expect((await presenterPlaces()).slice(presenterBefore), 'the presenter view moved').toEqual([])
      // The presenter's own move; whatever the windows above had caused would have reached the room first.
      await presenter.bringToFront()
      await pressFrom(presenter, 'ArrowRight', { no: 1, clicks: 0 }, { no: 2, clicks: 0 })
      await slideReady(projector, { no: 2, clicks: 0 })
      await expect.poll(() => events!.places(), { timeout: 60_000 }).toContain('2/0')
      expect(events.places()).toEqual(['1/0', '2/0'])
      expect((await presenterPlaces()).slice(presenterBefore)).toEqual(['2/0'])
      expect((await projectorPlaces()).slice(projectorBefore)).toEqual(['2/0'])
      // The timer still runs (a reset stopwatch shows play and no time).
      expect(await presenter.locator('.slidev-presenter .grid-section.bottom .i-carbon\\:pause').count()).toBe(1)
      // The HTTPS presenter origin serves the presenter only: nothing else there to open. (On plain
      // HTTP it is the audience's: those windows are audience pages, which follow the room.)
      expect(inPresenter).toEqual(plainHttp ? ['200 slide', '200 slide'] : ['404 no slide', '404 no slide'])
      // The audience build has no presenter route: each window shows its own slide (the room's, once it followed).
      expect(inProjector.filter((answer) => answer.includes('presenter'))).toEqual([])
    } finally {
      events?.close()
      for (const context of contexts) await context.close()
      await attacker.close()
      stop()
      expect(await exit).toBe(0)
    }
  }

  // On 127.0.0.1 Slidev lets an audience page publish its place too (it trusts that name); on 127.0.0.3 only a presenter view does.
  it('move neither the presenter, nor the room, nor the projector, nor the timer', () => attackRoom('127.0.0.1', false), 900_000)
  it('nor with the room on another address', () => attackRoom('127.0.0.3', false), 900_000)
  it('nor with the presenter on plain HTTP, on the audience origin', () => attackRoom('127.0.0.1', true), 900_000)
  it('nor on plain HTTP on another address', () => attackRoom('127.0.0.3', true), 900_000)
})

describe('npm start -- --lan: a presenter page whose event stream is refused', () => {
  const browser = useBrowser()

  it('asks for it again, joins the room, and moves it', async () => {
    const port = await freePort()
    const { lines, exit, started, stop } = presenting((output, stopped) => main(['--deck', 'en', '--lan', '--host', '127.0.0.1', '--port', String(port)], output, () => stopped), roomExposed)
    const context = await browser().newContext({ viewport: { width: 1280, height: 800 }, ignoreHTTPSErrors: true })
    let events: ReturnType<typeof eventStream> | undefined
    try {
      await started
      const [audienceUrl = '', presenterUrl = ''] = lines.join('\n').split('\n').filter((line) => /^https?:\/\//.test(line))
      events = eventStream(`${new URL(audienceUrl).origin}/events`)
      await expect.poll(() => events!.places(), { timeout: 60_000 }).toEqual(['1/0'])
      const presenter = await context.newPage()
      // The room full, as when the audience's streams were all taken: the first two asks are refused.
      let refused = 0
      await presenter.route(
        (url) => url.pathname.endsWith('/events'),
        (route) => (refused++, route.fulfill({ status: 429, headers: { 'Retry-After': '10' }, body: 'Too many open event streams' })),
        { times: 2 },
      )
      const granted = presenter.waitForResponse((answer) => new URL(answer.url()).pathname.endsWith('/events') && answer.status() === 200, { timeout: 120_000 })
      await presenter.goto(presenterUrl)
      await slideReady(presenter, { no: 1 }, 120_000)
      await granted
      expect(refused).toBe(2)
      // Once a stream is granted the page has joined (it first goes where the room is): its move reaches the room.
      await pressFrom(presenter, 'ArrowRight', { no: 1, clicks: 0 }, { no: 2, clicks: 0 })
      await expect.poll(() => events!.places(), { timeout: 60_000 }).toEqual(['1/0', '2/0'])
    } finally {
      events?.close()
      await context.close()
      stop()
      expect(await exit).toBe(0)
    }
  }, 900_000)
})
