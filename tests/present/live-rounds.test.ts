import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseDocument } from 'yaml'
import { describe, expect, it } from 'vitest'
import { main } from '../../scripts/cli/start.ts'
import { DEFAULT_BRIEF, extrasPathFor } from '../../scripts/project.ts'
import { freePort } from '../../scripts/slidev/server.ts'
import { CANVAS, TMP, useBrowser } from '../browser/fixture.ts'
import { presenting } from '../support/presenting.ts'
import { slideReady } from '../support/slide-ready.ts'

/** Rounds of good save, malformed save, good save: a live edit once missed the last of them. */
const ROUNDS = 10

describe('live editing, round after round', () => {
  const browser = useBrowser()

  it(`shows every good save after a malformed one in the open presenter view, ${ROUNDS} times in a row, each saved once`, async () => {
    const dir = path.join(TMP, 'live-rounds')
    await mkdir(dir, { recursive: true })
    const brief = path.join(dir, 'brief.txt')
    await copyFile(DEFAULT_BRIEF, brief)
    // Without the headline of the bullet the rounds rewrite: under an authored headline the edit would go stale.
    const shipped = parseDocument(await readFile(extrasPathFor(DEFAULT_BRIEF), 'utf8'))
    shipped.deleteIn(['sections', 0, 'points', 1])
    await writeFile(extrasPathFor(brief), shipped.toString({ lineWidth: 0 }))
    const original = await readFile(brief, 'utf8')
    // A heading of slide 3 (shown on the slide) and a bullet of it (shown in the notes), made unique per save.
    const saved = (tag: string) =>
      original
        .replace('Security in All Aspects', `Security, ${tag}`)
        .replace('National security is the foundation', `National security, ${tag}, is the foundation`)
    expect(saved('x')).not.toBe(original)

    const port = await freePort()
    const { lines, exit, started, stop } = presenting((output, stopped) => main(['--brief', brief, '--port', String(port)], output, () => stopped))
    const page = await browser().newPage({ viewport: CANVAS })
    // What the page said (Vite's client reports an update it could not apply here), for a miss's message.
    const said: string[] = []
    page.on('console', (message) => said.push(`${message.type()}: ${message.text()}`))
    page.on('pageerror', (error) => said.push(`uncaught: ${error.message}`))
    const missed = (what: string) => `the presenter view missed ${what}; the terminal said:\n${lines.join('\n')}\nthe page said:\n${said.slice(-30).join('\n')}`
    try {
      await started
      await page.goto(`http://localhost:${port}/presenter/3`, { waitUntil: 'load', timeout: 300_000 })
      await page.waitForSelector('.slidev-note p', { timeout: 300_000 })
      await slideReady(page, { no: 3 }, 120_000)
      await page.evaluate(() => Object.assign(window, { briefdeckSamePage: true }))
      const text = () => page.evaluate(() => document.body.innerText)
      // Hot updates arrive in well under a second (npm run bench); a view that missed a save never
      // shows it, so any bound tells the two apart: 30 s is for a machine loaded far past its cores.
      const shows = (tag: string) =>
        page
          .waitForFunction(
            (tag) => {
              const shown = document.body.innerText
              return shown.includes(`Security, ${tag}`) && shown.includes(`National security, ${tag}, is the foundation`)
            },
            tag,
            { timeout: 30_000, polling: 50 },
          )
          .catch(async (error: unknown) => {
            throw new Error(missed(`the save "${tag}"`), { cause: error })
          })

      const showsOriginal = () =>
        page
          .waitForFunction(
            () => {
              const shown = document.body.innerText
              return shown.includes('Security in All Aspects') && shown.includes('National security is the foundation') && !shown.includes('Security, round')
            },
            undefined,
            { timeout: 30_000, polling: 50 },
          )
          .catch(async (error: unknown) => {
            throw new Error(missed('the save of the original brief'), { cause: error })
          })

      // Each round ends on the brief as it was when the talk started: the decks go back to their
      // first contents, as when a briefer undoes an edit.
      for (let round = 1; round <= ROUNDS; round++) {
        await writeFile(brief, saved(`round ${round}`))
        await shows(`round ${round}`)

        lines.length = 0
        await writeFile(brief, saved(`round ${round}`).replace('Summary:', 'Summary'))
        await expect.poll(() => lines.join('\n'), { timeout: 30_000 }).toMatch(/brief\.txt:\d+:\d+ {2}error {2}.+missing-summary/)
        expect(await text()).toContain(`Security, round ${round}`)

        await writeFile(brief, original)
        await showsOriginal()
      }
      expect(page.url()).toMatch(/\/presenter\/3$/)
      expect(await page.evaluate(() => (window as unknown as { briefdeckSamePage?: boolean }).briefdeckSamePage)).toBe(true)
    } finally {
      await page.close()
      stop()
    }
    expect(await exit, lines.join('\n')).toBe(0)
  }, 600_000)
})
