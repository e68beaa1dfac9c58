import http from 'node:http'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { BrowserContext, Page, Route } from 'playwright-chromium'
import { describe, expect, it } from 'vitest'
import { main } from '../../scripts/cli/start.ts'
import { DEFAULT_DECKS } from '../../scripts/project.ts'
import { freePort } from '../../scripts/slidev/server.ts'
import { useBrowser } from '../browser/fixture.ts'
import { countOverlappingSends, overlappingSends } from '../support/overlapping-sends.ts'
import { pressFrom, slideReady } from '../support/slide-ready.ts'
import { presenting, roomExposed } from '../support/presenting.ts'

/** Word runs of the notes that the slides do not show: text only the presenter may receive. */
async function noteOnlyPhrases(deckFile: string): Promise<string[]> {
  const deck = await readFile(deckFile, 'utf8')
  const notes = [...deck.matchAll(/<!--([\s\S]*?)-->/g)].map((match) => match[1] ?? '')
  const slides = deck.replace(/<!--[\s\S]*?-->/g, '')
  const runs = notes.flatMap((note) => note.replace(/<[^>]+>/g, ' ').split(/&#\d+;|[^A-Za-z ]+/))
  return [...new Set(runs.map((run) => run.trim()).filter((run) => run.split(/\s+/).length >= 4 && !slides.includes(run)))]
}

/** Every response a page received in full, as text (the event stream never finishes, so it is not here). */
function recordResponses(page: Page): () => Promise<string> {
  const bodies: Promise<string>[] = []
  page.on('requestfinished', (request) => {
    bodies.push(request.response().then((response) => response?.body()).then((body) => body?.toString('utf8') ?? '', () => ''))
  })
  return async () => (await Promise.all(bodies)).join('\n')
}

/** Every address the page's router went to (hash URLs: `#/3?clicks=1`). */
async function recordVisits(page: Page): Promise<() => Promise<string[]>> {
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
  return () => page.evaluate(() => (window as unknown as { visited: string[] }).visited)
}

/** A visited address as `slide/clicks`: `#/3?clicks=1` and `#/presenter/3?clicks=1` are both `3/1`, `#/` is `1/0`. */
function place(hash: string): string {
  const url = new URL(hash.replace(/^#/, '') || '/', 'http://x')
  const no = /^\/(?:presenter\/)?(\d*)$/.exec(url.pathname)?.[1]
  if (no === undefined) return hash
  return `${no || '1'}/${url.searchParams.get('clicks') ?? '0'}`
}

/**
 * From now on: the places (`slide/clicks`) a page's router goes to, each once in a row (Slidev
 * may write the same place twice, e.g. a push and then a replace with the clicks).
 */
async function placesFromNow(visits: () => Promise<string[]>, now: { no: number; clicks: number }): Promise<() => Promise<string[]>> {
  const before = (await visits()).length
  return async () => {
    const places = [`${now.no}/${now.clicks}`, ...(await visits()).slice(before).map(place)]
    return places.filter((at, index) => at !== places[index - 1]).slice(1)
  }
}

/**
 * Opens a page of the room at slide 2 and waits until the room's position (slide 1, where the
 * presenter starts) has moved it back: the page has joined, and its keys and posts count from now.
 */
async function join(page: Page, url: string): Promise<void> {
  const at2 = new URL(url)
  at2.hash = at2.hash.includes('presenter') ? '#/presenter/2' : '#/2'
  await page.goto(at2.toString())
  await slideReady(page, { no: 1 }, 120_000)
}

/** The printed address, reached through another loopback address (never this machine's LAN address). */
function via(printed: string, host: string): string {
  const url = new URL(printed)
  url.hostname = host
  return url.toString()
}

/** What an audience device's event stream (GET /events) carries, as it arrives. */
function eventStream(url: string) {
  let text = ''
  const request = http.get(url, (response) => response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk)))
  request.on('error', () => {})
  return {
    /** The positions sent so far, as `page/clicks`. */
    places: () => [...text.matchAll(/^data: (.*)$/gm)].map((match) => JSON.parse(match[1]!) as { page: number; clicks: number }).map((p) => `${p.page}/${p.clicks}`),
    text: () => text,
    close: () => request.destroy(),
  }
}

describe('npm start -- --lan: presenting to a room', () => {
  const browser = useBrowser()

  it('audience pages get no notes and follow only the presenter who holds the secret', async () => {
    const phrases = await noteOnlyPhrases(path.join(DEFAULT_DECKS, 'en.md'))
    expect(phrases.length).toBeGreaterThan(10)
    const port = await freePort()
    // Listening on all interfaces, as in a room; the test reaches it through 127.0.0.x only.
    const { lines, exit, started, stop } = presenting((output, stopped) => main(['--deck', 'en', '--lan', '--host', '0.0.0.0', '--port', String(port)], output, () => stopped), roomExposed)
    const contexts: BrowserContext[] = []
    const streams: { close: () => void }[] = []
    const device = async () => {
      // The presenter's address is HTTPS with a certificate made at start.
      const context = await browser().newContext({ viewport: { width: 1280, height: 800 }, ignoreHTTPSErrors: true })
      contexts.push(context)
      return context.newPage()
    }
    try {
      await started
      const printed = lines.join('\n').split('\n').filter((line) => /^https?:\/\//.test(line))
      expect(printed).toHaveLength(2)
      const [audienceUrl = '', presenterUrl = ''] = printed
      const secret = new URL(presenterUrl).pathname.split('/')[1] ?? ''
      expect(Buffer.from(secret, 'base64url').length * 8).toBeGreaterThanOrEqual(128)
      expect(lines.join('\n')).toMatch(/^Exposed on every network interface, port \d+, to anyone .*without their notes/m)

      // The presenter, with the secret (host rewritten to another loopback address).
      const presenter = await device()
      await presenter.addInitScript(countOverlappingSends, '/position')
      const presenterVisits = await recordVisits(presenter)
      const presenterLoaded = recordResponses(presenter)
      await join(presenter, via(presenterUrl, '127.0.0.3'))
      await presenter.waitForSelector('.grid-section.note .slidev-note', { timeout: 120_000 })

      // Two audience devices.
      const audience = await device()
      const audienceLoaded = recordResponses(audience)
      await join(audience, via(audienceUrl, '127.0.0.2'))
      const watcher = await device()
      const watcherVisits = await recordVisits(watcher)
      const watcherLoaded = recordResponses(watcher)
      await watcher.goto(via(audienceUrl, '127.0.0.4'))
      await slideReady(watcher, { no: 1 }, 120_000)
      const watcherPlaces = await placesFromNow(watcherVisits, { no: 1, clicks: 0 })

      // An audience device's own keys and requests move nobody else.
      await pressFrom(audience, 'ArrowRight', { no: 1, clicks: 0 }, { no: 2, clicks: 0 })
      await pressFrom(audience, 'ArrowRight', { no: 2, clicks: 0 }, { no: 3, clicks: 0 })
      const statuses = await audience.evaluate(async (wrong) => {
        const body = JSON.stringify({ page: 4, clicks: 0, source: 'audience' })
        const tries = ['/position', '/presenter/position', `/${wrong}/position`, '/events']
        return Promise.all(tries.map((url) => fetch(url, { method: 'POST', body }).then((response) => `${url} ${response.status}`)))
      }, secret.slice(0, -1) + (secret.endsWith('A') ? 'B' : 'A'))
      expect(statuses.every((status) => / 405$/.test(status)), statuses.join(', ')).toBe(true)

      // The presenter view's address without the secret: the audience build has no presenter view
      // (the device goes to the room's slide), and its moves stay on that device. It goes where the
      // presenter never goes (slide 4, then its first click), so the watcher's visits tell the two apart.
      const guesser = await device()
      const guesserLoaded = recordResponses(guesser)
      await join(guesser, `${via(audienceUrl, '127.0.0.5')}#/presenter/1`)
      expect(await guesser.locator('.slidev-presenter').count()).toBe(0)
      await guesser.evaluate(() => (location.hash = '#/presenter/4'))
      await slideReady(guesser, { no: 1 })
      expect(await guesser.locator('.slidev-presenter').count()).toBe(0)
      await guesser.evaluate(() => (location.hash = '#/4'))
      await pressFrom(guesser, 'ArrowRight', { no: 4, clicks: 0 }, { no: 4, clicks: 1 })

      // The presenter moves, and the audience devices follow, step by step. (Whatever the room had
      // relayed from the guesser would have reached the watcher before the presenter's first move.)
      const steps = [
        { no: 2, clicks: 0 },
        { no: 3, clicks: 0 },
        { no: 3, clicks: 1 },
      ]
      let from = { no: 1, clicks: 0 }
      const presenterPlaces = await placesFromNow(presenterVisits, from)
      // The room's event stream itself, as a device on 127.0.0.6 receives it.
      const events = eventStream(new URL('events', via(audienceUrl, '127.0.0.6')).href)
      streams.push(events)
      await expect.poll(() => events.places(), { timeout: 60_000 }).toEqual(['1/0'])
      for (const to of steps) {
        await pressFrom(presenter, 'ArrowRight', from, to)
        await slideReady(watcher, to)
        from = to
      }
      await slideReady(audience, from)
      // The watcher went exactly where the presenter went, and nowhere the guesser went.
      expect(await presenterPlaces()).toEqual(['2/0', '3/0', '3/1'])
      expect(await watcherPlaces()).toEqual(await presenterPlaces())
      // The stream carried the presenter's places, and nothing from the notes.
      await expect.poll(() => events.places(), { timeout: 60_000 }).toEqual(['1/0', '2/0', '3/0', '3/1'])
      expect(phrases.filter((phrase) => events.text().includes(phrase))).toEqual([])

      // Two moves in quick succession, the first one's request held unanswered: the presenter's page
      // sends the second once the first is answered, never beside it, so the room ends where the presenter is.
      let holdMove: (route: Route) => void = () => {}
      const heldMove = new Promise<Route>((resolve) => (holdMove = resolve))
      await presenter.route('**/position', (route) => holdMove(route), { times: 1 })
      await pressFrom(presenter, 'ArrowRight', { no: 3, clicks: 1 }, { no: 3, clicks: 2 })
      const move = await heldMove
      await pressFrom(presenter, 'ArrowRight', { no: 3, clicks: 2 }, { no: 3, clicks: 3 })
      expect(await overlappingSends(presenter)).toBe(0)
      await move.continue()
      await slideReady(watcher, { no: 3, clicks: 3 })
      await expect.poll(() => events.places(), { timeout: 60_000 }).toEqual(['1/0', '2/0', '3/0', '3/1', '3/2', '3/3'])

      // No note-only phrase in anything the audience or the secret-less presenter view loaded;
      // the presenter's own view did load them (the check can see notes where they are).
      const presenterText = await presenterLoaded()
      expect(phrases.some((phrase) => presenterText.includes(phrase))).toBe(true)
      for (const [name, loaded] of [['audience', audienceLoaded], ['watcher', watcherLoaded], ['guesser', guesserLoaded]] as const) {
        const text = await loaded()
        expect(text.length, name).toBeGreaterThan(10_000)
        expect(phrases.filter((phrase) => text.includes(phrase)), name).toEqual([])
      }
      expect(await guesser.locator('.slidev-presenter, .grid-section.note').count()).toBe(0)
    } finally {
      for (const stream of streams) stream.close()
      for (const context of contexts) await context.close()
      stop()
      expect(await exit).toBe(0)
    }
  }, 900_000)
})
