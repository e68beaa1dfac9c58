/**
 * `npm start` (Slidev's dev server) against a page of a `*.localhost` site
 * (issue 35, Presenting 3): Chromium sends no `Sec-Fetch-*` to `0.0.0.0` and
 * `[::ffff:127.0.0.1]`, and Vite's CORS answers `*.localhost` origins. Such a
 * page must read nothing (notes, the brief, the sync state), open no view, and
 * not even tell the dev port from a closed one.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../scripts/cli/start.ts'
import { DEFAULT_BRIEF } from '../../scripts/project.ts'
import { freePort } from '../../scripts/slidev/server.ts'
import { useBrowser } from '../browser/fixture.ts'
import { presenting } from '../support/presenting.ts'
import { serveAttacker } from './attacker.ts'

describe('npm start against a page of a *.localhost site', () => {
  const browser = useBrowser()

  it('reads nothing, opens nothing and cannot tell the port open, through any name of this machine', async () => {
    const port = await freePort()
    const closedPort = await freePort()
    const { exit, started, stop } = presenting((output, stopped) => main(['--deck', 'en', '--port', String(port)], output, () => stopped))
    // On 127.0.0.1: Chromium sends `*.localhost` to loopback itself.
    const attacker = await serveAttacker('<!doctype html><title>another site</title>', '127.0.0.1')
    const context = await browser().newContext()
    try {
      await started
      const page = await context.newPage()
      await page.goto(attacker.url.replace('127.0.0.1', 'evil.localhost'))
      const names = [`0.0.0.0:${port}`, `[::ffff:127.0.0.1]:${port}`, `localhost:${port}`, `127.0.0.1:${port}`]
      const paths = ['/__slidev/slides/2.json', `/@fs${DEFAULT_BRIEF.split(path.sep).join('/')}`, '/@server-reactive/nav']
      const urls = names.flatMap((name) => paths.map((where) => `http://${name}${where}`))

      // Reads, as CORS allows them: nothing comes back.
      const reads = await page.evaluate(
        (all) => Promise.all(all.map((url) => fetch(url).then((answer) => answer.text().then((text) => `${url} read ${answer.status} ${text.slice(0, 80)}`), () => `${url} failed`))),
        urls,
      )
      expect(reads.filter((read) => !read.endsWith(' failed'))).toEqual([])

      // A no-cors probe: the dev port, by every name, looks like a closed port.
      const probe = (targets: string[]) =>
        page.evaluate((all) => Promise.all(all.map((url) => fetch(url, { mode: 'no-cors' }).then(() => 'answered', () => 'failed'))), targets)
      expect(await probe([`http://127.0.0.1:${closedPort}/`])).toEqual(['failed'])
      expect(await probe([...names.map((name) => `http://${name}/`), ...urls])).toEqual([...names, ...urls].map(() => 'failed'))

      // A presenter view opened through 0.0.0.0 (where no Sec-Fetch-* tells its opener) is not served.
      const popup = context.waitForEvent('page')
      await page.evaluate((url) => void window.open(url), `http://0.0.0.0:${port}/presenter/2`)
      const opened = await popup
      await opened.waitForLoadState('load')
      expect(await opened.locator('#app, .slidev-presenter').count()).toBe(0)

      // The same server answers its own name: the refusals above are the guard's, not a dead server.
      expect((await fetch(`http://localhost:${port}/__slidev/slides/2.json`)).status).toBe(200)
      await expect(fetch(`http://0.0.0.0:${port}/__slidev/slides/2.json`)).rejects.toThrow()
    } finally {
      await context.close()
      await attacker.close()
      stop()
      expect(await exit).toBe(0)
    }
  }, 300_000)
})
