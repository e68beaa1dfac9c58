import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Page } from 'playwright-chromium'
import { describe, expect, it } from 'vitest'
import { main } from '../../scripts/cli/start.ts'
import { DEFAULT_DECKS } from '../../scripts/project.ts'
import { freePort } from '../../scripts/slidev/server.ts'
import { CANVAS, useBrowser } from '../browser/fixture.ts'
import { pressFrom } from '../support/slide-ready.ts'
import { attackPage, serveAttacker } from './attacker.ts'

/** Records every path the page's router goes to (Slidev moves views with push/replaceState). */
async function recordVisits(page: Page): Promise<void> {
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
}

const visits = (page: Page) => page.evaluate(() => (window as unknown as { visited: string[] }).visited)
const noteText = (page: Page) => page.locator('.grid-section.note .slidev-note').innerText()

describe('presenting is read-only', () => {
  const browser = useBrowser()

  it('a page of another origin cannot rewrite the deck or its notes, nor move the audience', async () => {
    const deckFile = path.join(DEFAULT_DECKS, 'en.md')
    const lines: string[] = []
    let ready: () => void = () => {}
    const serving = new Promise<void>((resolve) => (ready = resolve))
    const record = (line: string) => (lines.push(line), line.includes('presenter view') && ready())
    let stop: () => void = () => {}
    const stopped = new Promise<void>((resolve) => (stop = resolve))
    const port = await freePort()
    const exit = main(['--deck', 'en', '--port', String(port)], { out: record, err: record }, () => stopped)
    const origin = `http://localhost:${port}`
    const attacker = await serveAttacker(attackPage(origin, 3, 4))
    const context = await browser().newContext({ viewport: CANVAS })
    try {
      await Promise.race([serving, exit.then((code) => Promise.reject(new Error(`start exited ${code}: ${lines.join('\n')}`)))])
      const before = await readFile(deckFile, 'utf8')

      const audience = await context.newPage()
      await recordVisits(audience)
      await audience.goto(`${origin}/1`, { timeout: 120_000 })
      await audience.waitForSelector('.slidev-page', { timeout: 120_000 })

      const presenter = await context.newPage()
      await presenter.goto(`${origin}/presenter/3`, { timeout: 120_000 })
      await presenter.waitForSelector('.slidev-note p', { timeout: 120_000 })
      await expect.poll(() => noteText(presenter), { timeout: 60_000 }).toContain('Source: content/regime-security.txt')
      const notes = await noteText(presenter)
      // Readable at arm's length: the notes start at 1.5 times Slidev's size.
      expect(await presenter.locator('.grid-section.note .slidev-note').evaluate((note) => note.closest('[style*="font-size"]')?.getAttribute('style'))).toContain('font-size: 1.5em')
      // Notes come from the brief: no notes editor, no side editor on offer.
      expect(await presenter.locator('[title="Edit Notes"], [title="Show editor"], [title="Hide editor"]').count()).toBe(0)
      await presenter.locator('.grid-section.note .slidev-note').dblclick()
      expect(await presenter.locator('textarea').count()).toBe(0)

      // The audience follows the presenter to slide 3: the sync works.
      await expect.poll(() => audience.url(), { timeout: 60_000 }).toMatch(/\/3(\?clicks=0)?$/)

      const attack = await context.newPage()
      const failures: string[] = []
      attack.on('requestfailed', (request) => failures.push(request.failure()?.errorText ?? ''))
      await attack.goto(attacker.url)
      const results = await attack.evaluate(() => (window as unknown as { attackDone: Promise<string[]> }).attackDone)
      // Each request reached the server, which closed the connection without an answer: the page
      // learns nothing, not even that the port is open (a closed port refuses the connection instead).
      expect(results.every((result) => result.startsWith('failed')), results.join(', ')).toBe(true)
      expect(failures).toHaveLength(results.length)
      expect(failures.filter((failure) => !/ERR_EMPTY_RESPONSE|ERR_CONNECTION_RESET/.test(failure)), failures.join(', ')).toEqual([])

      // The presenter's own move still reaches the audience; anything the attack had caused would arrive first.
      await presenter.bringToFront()
      await pressFrom(presenter, 'ArrowRight', { no: 3, clicks: 0 }, { no: 3, clicks: 1 })
      await expect.poll(() => audience.url(), { timeout: 60_000 }).toMatch(/\/3\?clicks=1$/)

      expect(await readFile(deckFile, 'utf8')).toBe(before)
      expect((await visits(audience)).filter((visited) => visited.startsWith('/4'))).toEqual([])
      expect(await noteText(presenter)).toBe(notes)
      const served = (await (await fetch(`${origin}/__slidev/slides/3.json`)).json()) as { note: string }
      expect(served.note).not.toContain('INJECTED')
      expect(before).not.toContain('INJECTED')
    } finally {
      await context.close()
      await attacker.close()
      stop()
      expect(await exit).toBe(0)
    }
  }, 300_000)
})
