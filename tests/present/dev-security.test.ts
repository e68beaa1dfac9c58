/**
 * `npm start` (Slidev's dev server, localhost only) against a hostile page of
 * another origin (127.0.0.2), by every way the second security review found
 * around the read-only guard: the editor launcher spelt otherwise, the
 * presenter route opened and steered from another site, a frame posting
 * navigate messages, the `vite-ping` websocket, sync keys other than `nav`.
 */
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-chromium'
import { describe, expect, it } from 'vitest'
import { main } from '../../scripts/cli/start.ts'
import { DEFAULT_DECKS, PROJECT_ROOT } from '../../scripts/project.ts'
import { freePort } from '../../scripts/slidev/server.ts'
import { CANVAS, useBrowser } from '../browser/fixture.ts'
import { presenting } from '../support/presenting.ts'
import { serveAttacker } from './attacker.ts'

const dir = path.join(PROJECT_ROOT, 'tests', '.tmp', 'dev-security')
const launched = path.join(dir, 'editor-launched.txt')

/** Records every path the page's router goes to (Slidev moves views with push/replaceState). */
async function recordVisits(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const visited: string[] = ((window as unknown as { visited: string[] }).visited = [])
    for (const name of ['pushState', 'replaceState'] as const) {
      const original = history[name].bind(history)
      history[name] = (data: unknown, unused: string, url?: string | URL | null) => {
        if (url) visited.push(new URL(url, location.href).pathname + new URL(url, location.href).search)
        return original(data, unused, url)
      }
    }
  })
  return () => page.evaluate(() => (window as unknown as { visited: string[] }).visited)
}

/** The editor launcher, spelt as Vite would not: the hostile page frames each. */
const LAUNCHER_FRAMES = ['/__OPEN-IN-EDITOR?file=/etc/hosts', '/__open-in-editor.x?file=/etc/hostname', '/%5F%5Fopen-in-editor?file=/etc/hostname']

/**
 * The hostile page. At the top: hidden frames on the editor launcher, two
 * presenter views opened in popups, and a `vite-ping` websocket; `steer()`
 * then posts navigate messages to the popups. In a frame: posts a navigate
 * message to its parent. (A frame the server's CSP blocks does not always
 * fire `load` in Chromium, so the test follows the frames' responses itself.)
 */
function hostilePage(origin: string): string {
  const ws = origin.replace(/^http/, 'ws')
  return `<!doctype html><title>another site</title><body><script>
  const navigate = { target: 'slidev', type: 'navigate', no: 4, clicks: 3 };
  if (window.parent !== window) {
    window.parent.postMessage(navigate, '*');
  } else {
    for (const path of ${JSON.stringify(LAUNCHER_FRAMES)}) {
      const frame = document.createElement('iframe');
      frame.style.cssText = 'width:1px;height:1px;border:0';
      frame.src = ${JSON.stringify(origin)} + path;
      document.body.appendChild(frame);
    }
    window.ping = new Promise((resolve) => {
      const socket = new WebSocket(${JSON.stringify(`${ws}/`)}, 'vite-ping');
      socket.onopen = () => resolve('opened');
      socket.onerror = () => resolve('refused');
    });
    const popups = [window.open(${JSON.stringify(`${origin}/presenter/4`)}, 'one'), window.open(${JSON.stringify(`${origin}/presenter/2`)}, 'two')];
    window.steer = () => popups.forEach((popup) => popup && popup.postMessage(navigate, '*'));
  }
  </script></body>`
}

/** `promise`, or a failure naming `what` after `ms`: a wait that hangs says which it was. */
function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const limit = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer in ${ms / 1000} s: ${what}`)), ms)))
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer))
}

describe('npm start against a page of another site', () => {
  const browser = useBrowser()

  it('refuses the editor launcher, presenter routes opened by it, its messages, its websockets and sync keys other than nav', async () => {
    await rm(dir, { recursive: true, force: true })
    await mkdir(dir, { recursive: true })
    // Vite's launcher runs $LAUNCH_EDITOR with the file: an "editor" that leaves a trace.
    const editor = path.join(dir, 'editor.sh')
    await writeFile(editor, `#!/bin/sh\necho "$@" >> ${JSON.stringify(launched)}\n`)
    await chmod(editor, 0o755)
    const previousEditor = process.env['LAUNCH_EDITOR']
    process.env['LAUNCH_EDITOR'] = editor

    const port = await freePort()
    const { exit, started, stop } = presenting((output, stopped) => main(['--deck', 'en', '--port', String(port)], output, () => stopped))
    const origin = `http://localhost:${port}`
    const attacker = await serveAttacker(hostilePage(origin))
    const context = await browser().newContext({ viewport: CANVAS })
    const snapshots = path.join(DEFAULT_DECKS, '.slidev', 'snapshots', 'snapshots.json')
    // What the snapshots file holds before (or that there is none): a refused write leaves it exactly so.
    const snapshotsBefore = existsSync(snapshots) ? readFileSync(snapshots, 'utf8') : undefined
    try {
      await within(240_000, 'npm start printing its presenter view', started)

      // Without a browser's headers, as a script could: the launcher is gone however it is spelt.
      for (const url of ['/__open-in-editor?file=/etc/hostname', '/__OPEN-IN-EDITOR?file=/etc/hosts', '/__open-in-editor.x?file=/etc/hostname', '/__mcp', '/__MCP.x']) {
        expect((await fetch(origin + url)).status, url).toBe(403)
      }
      // The sync takes `nav` only, as JSON, without prototype keys, and only from the server's pages.
      const own = { Origin: origin, 'Content-Type': 'application/json' }
      const sync = (url: string, body: string, headers: Record<string, string> = own) => fetch(origin + url, { method: 'POST', headers, body }).then((response) => response.status)
      expect(await sync('/@server-reactive/snapshots', '{"data":{"1":{"revision":"x","image":"data:"}}}')).toBe(405)
      expect(await sync('/@server-reactive/__proto__/x', '{"data":1}')).toBe(405)
      expect(await sync('/@server-reactive/nav', '{"patch":{"__proto__":{"polluted":true}}}')).toBe(400)
      expect(await sync('/@server-reactive/nav', '{"patch":{"page":1}}', { Origin: origin, 'Content-Type': 'text/plain' })).toBe(415)
      // Another site's Origin: no answer at all (the connection closes).
      await expect(sync('/@server-reactive/nav', '{"patch":{"page":1}}', { Origin: 'http://127.0.0.2:8000', 'Content-Type': 'application/json' })).rejects.toThrow()
      expect(existsSync(snapshots) ? readFileSync(snapshots, 'utf8') : undefined).toBe(snapshotsBefore)

      const audience = await context.newPage()
      const audienceVisits = await recordVisits(audience)
      await audience.goto(`${origin}/1`, { timeout: 120_000 })
      await audience.waitForSelector('.slidev-page', { timeout: 120_000 })

      const presenter = await context.newPage()
      const presenterVisits = await recordVisits(presenter)
      const response = await presenter.goto(`${origin}/presenter/3`, { timeout: 120_000 })
      // No other site may frame the views or keep a handle on their windows.
      expect(response?.headers()['content-security-policy']).toBe("frame-ancestors 'self'")
      expect(response?.headers()['cross-origin-opener-policy']).toBe('same-origin')
      await presenter.waitForSelector('.grid-section.note .slidev-note p', { timeout: 120_000 })
      await expect.poll(() => audience.url(), { timeout: 60_000 }).toMatch(/\/3(\?clicks=0)?$/)

      // The hostile page: its frames load (refused), its popups get the refusal, not the presenter view.
      const attack = await context.newPage()
      const popups: Page[] = []
      context.on('page', (page) => void (page !== attack && popups.push(page)))
      const framed = Promise.all(LAUNCHER_FRAMES.map((url) => attack.waitForResponse(origin + url, { timeout: 60_000 }).then((answer) => `${url} ${answer.status()}`)))
      // Held until awaited below, so that a failed page load is reported as itself, not as an unhandled rejection.
      framed.catch(() => {})
      await attack.goto(attacker.url)
      expect(await framed).toEqual(LAUNCHER_FRAMES.map((url) => `${url} 403`))
      expect(await within(60_000, "the hostile page's vite-ping websocket", attack.evaluate(() => (window as unknown as { ping: Promise<string> }).ping))).toBe('refused')
      await expect.poll(() => popups.length, { timeout: 30_000 }).toBe(2)
      for (const popup of popups) {
        await popup.waitForLoadState('domcontentloaded')
        expect(await popup.locator('body').innerText()).toContain('another site')
        expect(await popup.locator('.slidev-presenter').count()).toBe(0)
      }
      await attack.evaluate(() => (window as unknown as { steer: () => void }).steer())

      // A frame of the hostile page inside the presenter view posts a navigate message to it.
      await presenter.evaluate(() => {
        const seen: string[] = []
        ;(window as unknown as { seen: string[] }).seen = seen
        window.addEventListener('message', (event) => seen.push(event.origin))
      })
      await presenter.evaluate((url) => {
        const frame = document.createElement('iframe')
        frame.src = url
        document.body.appendChild(frame)
      }, attacker.url)
      const attackerOrigin = new URL(attacker.url).origin
      await expect.poll(() => presenter.evaluate(() => (window as unknown as { seen: string[] }).seen.join(' ')), { timeout: 30_000 }).toContain(attackerOrigin)

      // The presenter's own move still reaches the audience; anything the attack had caused would arrive first.
      await presenter.bringToFront()
      await presenter.keyboard.press('ArrowRight')
      await expect.poll(() => audience.url(), { timeout: 60_000 }).toMatch(/\/3\?clicks=1$/)

      expect((await audienceVisits()).filter((visited) => !/^\/(1|3)(\?|$)/.test(visited))).toEqual([])
      expect((await presenterVisits()).filter((visited) => !/^\/presenter\/3(\?|$)/.test(visited))).toEqual([])
      expect(existsSync(launched) ? await readFile(launched, 'utf8') : 'never launched').toBe('never launched')
    } finally {
      if (previousEditor === undefined) delete process.env['LAUNCH_EDITOR']
      else process.env['LAUNCH_EDITOR'] = previousEditor
      await context.close()
      await attacker.close()
      stop()
      expect(await exit).toBe(0)
    }
  }, 300_000)
})
