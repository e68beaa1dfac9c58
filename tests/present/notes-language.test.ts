/**
 * The presenter's notes in the presenter's own languages (the bilingual deck): by default they
 * follow what the room is shown (the `L` key); chosen apart, the room on 中文 only leaves the
 * presenter's English notes in place. In Chromium, on `npm start`'s dev server.
 */
import type { Page } from 'playwright-chromium'
import { describe, expect, it } from 'vitest'
import { main } from '../../scripts/cli/start.ts'
import { freePort } from '../../scripts/slidev/server.ts'
import { useBrowser } from '../browser/fixture.ts'
import { presenting } from '../support/presenting.ts'
import { slideReady } from '../support/slide-ready.ts'

/** The languages of the note paragraphs the presenter can see (laid out, not display: none). */
const notesShown = (page: Page) =>
  page.evaluate(() => {
    const paragraphs = [...document.querySelectorAll<HTMLElement>('.slidev-presenter .grid-section.note .slidev-note p[lang]')]
    return [...new Set(paragraphs.filter((p) => p.checkVisibility()).map((p) => p.getAttribute('lang')))].sort()
  })
/** The languages the slide itself shows, in the presenter's current-slide pane. */
const slideShown = (page: Page) =>
  page.evaluate(() => {
    const texts = [...document.querySelectorAll<HTMLElement>('.slidev-presenter #slide-content .slidev-layout [lang]')]
    return [...new Set(texts.filter((element) => element.checkVisibility()).map((element) => element.getAttribute('lang')))].sort()
  })

describe("the presenter's notes languages (npm start, the bilingual deck)", () => {
  const browser = useBrowser()

  it('follow the room by default; chosen apart, the room on 中文 only keeps the English notes; a reload keeps the choice', async () => {
    const port = await freePort()
    const { exit, started, stop } = presenting((output, stopped) => main(['--port', String(port)], output, () => stopped))
    const context = await browser().newContext({ viewport: { width: 1440, height: 900 } })
    try {
      await started
      const presenter = await context.newPage()
      const audience = await context.newPage()
      await presenter.goto(`http://localhost:${port}/presenter/2`, { waitUntil: 'load', timeout: 120_000 })
      await slideReady(presenter, { no: 2 }, 120_000)
      await presenter.waitForSelector('.grid-section.note .slidev-note p[lang="en"]', { timeout: 60_000 })
      await audience.goto(`http://localhost:${port}/2`, { waitUntil: 'load', timeout: 120_000 })
      await slideReady(audience, { no: 2 }, 120_000)
      const button = presenter.locator('.deck-notes-lang')
      expect(await button.textContent()).toBe('Notes: as shown')
      expect(await notesShown(presenter)).toEqual(['en', 'zh-Hant'])

      // The room on 中文 only: by default the notes follow it.
      await presenter.keyboard.press('l')
      await expect.poll(() => slideShown(presenter)).toEqual(['zh-Hant'])
      await expect.poll(() => notesShown(presenter)).toEqual(['zh-Hant'])

      // The presenter's own choice: both, then English only, while the room stays on 中文.
      await button.click()
      await expect.poll(() => notesShown(presenter)).toEqual(['en', 'zh-Hant'])
      expect(await button.textContent()).toBe('Notes: 中/EN')
      await button.click()
      await button.click()
      await expect.poll(() => notesShown(presenter)).toEqual(['en'])
      expect(await button.textContent()).toBe('Notes: EN')
      expect(await slideShown(presenter)).toEqual(['zh-Hant'])
      // The audience's window is still shown 中文 only: the notes' choice is the presenter's alone.
      await expect.poll(() => audience.evaluate(() => document.documentElement.getAttribute('data-deck-show'))).toBe('zh-Hant')
      expect(await audience.locator('.slidev-note').count()).toBe(0)

      // A reload keeps it; one more click goes back to following the room.
      await presenter.reload({ waitUntil: 'load' })
      await slideReady(presenter, { no: 2 }, 120_000)
      await presenter.waitForSelector('.grid-section.note .slidev-note p[lang]', { state: 'attached', timeout: 60_000 })
      await expect.poll(() => notesShown(presenter)).toEqual(['en'])
      await presenter.locator('.deck-notes-lang').click()
      await expect.poll(() => notesShown(presenter)).toEqual(['zh-Hant'])
      expect(await presenter.locator('.deck-notes-lang').textContent()).toBe('Notes: as shown')
    } finally {
      await context.close()
      stop()
      expect(await exit).toBe(0)
    }
  }, 300_000)
})
