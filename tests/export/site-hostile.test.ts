/**
 * A site built from the hostile brief, whose URLs point at a server of the
 * test's own: a static site has no exporter between it and the network, so
 * any request that brief text causes arrives there.
 */
import { readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Browser } from 'playwright-chromium'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../../scripts/browser/find.ts'
import { main as siteMain } from '../../scripts/cli/site.ts'
import { watch } from '../browser/traffic.ts'
import { hostileBrief } from '../fixtures/hostile.ts'
import { runBuildCli } from '../support/build.ts'
import { expectedContent, expectedSlides, type ExpectedContent } from '../browser/expect-deck.ts'
import { readDeck, type ReadSlide } from '../support/deck-reader.ts'
import { recordRequests, type RequestRecorder } from '../support/request-recorder.ts'
import { projectTempDir } from '../support/tmp.ts'
import { offSite, walkSlides } from './site-walk.ts'
import { serveStatic } from './static-server.ts'

/** The deck that carries both languages' hazards. */
const DECK = 'bilingual'

let tmp: string
let recorder: RequestRecorder
let slides: ReadSlide[]
/** What the deck must show, from the hostile brief as the tests read it (a long section goes on over slides). */
let expected: ExpectedContent
let server: Awaited<ReturnType<typeof serveStatic>>
let browser: Browser
const printed: string[] = []
let code: number

beforeAll(async () => {
  tmp = await projectTempDir('site-hostile')
  recorder = await recordRequests()
  const brief = path.join(tmp, 'hostile.txt')
  await writeFile(brief, hostileBrief(recorder.origin))
  const decks = path.join(tmp, 'decks')
  const built = await runBuildCli(['--brief', brief, '--out', decks])
  if (built.code !== 0) throw new Error(built.stderr)
  const markdown = await readFile(path.join(decks, `${DECK}.md`), 'utf8')
  slides = await readDeck(markdown)
  expected = await expectedContent(hostileBrief(recorder.origin), markdown)
  const site = path.join(tmp, 'site')
  // With --decks the briefing is named after the folder (`decks/`); the downloads are the export's, tested there.
  code = await siteMain(['--decks', decks, '--deck', DECK, '--out', site, '--no-downloads'], { out: (line) => printed.push(line), err: (line) => printed.push(line) })
  server = await serveStatic(site)
  browser = await launchBrowser()
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
  await recorder?.close()
  if (tmp) await rm(tmp, { recursive: true, force: true })
})

describe('the site of the hostile brief, from a plain static server', () => {
  it('builds', () => {
    expect(code, printed.join('\n')).toBe(0)
  })

  it("walks every slide and the presenter view without requesting any of the brief's URLs or running its markup", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    const traffic = watch(page)
    try {
      await page.goto(`${server.url}/decks/${DECK}/`)
      await page.waitForURL(/#\/1/)
      const walked = await walkSlides(page)
      expect([...walked.keys()]).toEqual(slides.map((_, i) => i + 1))
      // A click a bullet, each on its slide as the brief has them: its markup makes none of its own.
      expect(expectedSlides(expected, ['zh-Hant', 'en'])).toHaveLength(slides.length)
      expect(slides.map((_, i) => walked.get(i + 1)!.clicks)).toEqual([0, 0, ...expected.sections.map((section) => section.points.length)])
      for (let no = 1; no <= slides.length; no++) {
        // Each slide's presenter view loaded afresh (a hash typed over the address of a loaded view could race
        // the view's own state); its markup must run nothing there either: checked before it is left.
        expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned), no === 1 ? 'the slides walked' : `presenter view of slide ${no - 1}`).toBeUndefined()
        await page.goto('about:blank')
        await page.goto(`${server.url}/decks/${DECK}/#/presenter/${no}`)
        const paragraphs = [...slides[no - 1]!.notes['zh-Hant'], ...slides[no - 1]!.notes.en].map((paragraph) => paragraph.replace(/\s+/g, ''))
        await page
          .waitForFunction((paragraphs) => {
            const notes = [...document.querySelectorAll('.slidev-note')].map((note) => (note.textContent ?? '').replace(/\s+/g, '')).join('')
            return paragraphs.every((paragraph) => notes.includes(paragraph))
          }, paragraphs)
          .catch(async (error: Error) => {
            const shown = await page.evaluate(() => ({ url: location.href, notes: [...document.querySelectorAll('.slidev-note')].map((note) => (note.textContent ?? '').slice(0, 200)) }))
            throw new Error(`slide ${no}: its notes never showed whole: ${JSON.stringify(shown)}\n${error.message}`)
          })
      }
      await traffic.quiet()
      expect(recorder.requests).toEqual([])
      expect(offSite(traffic.traffic(), new URL(server.url).origin)).toEqual([])
      expect(traffic.traffic().dialogs).toEqual([])
      expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined()
    } finally {
      await page.close()
    }
  }, 300_000)
})
