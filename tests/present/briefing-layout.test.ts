import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Browser, Page } from 'playwright-chromium'
import { describe, expect, it } from 'vitest'
import { main } from '../../scripts/cli/start.ts'
import { decksDirFor, presentDecksFor } from '../../scripts/project.ts'
import { freePort } from '../../scripts/slidev/server.ts'
import { TMP, useBrowser } from '../browser/fixture.ts'
import { notesLoaded } from '../browser/probes.ts'
import { readDeck } from '../support/deck-reader.ts'
import { presenting } from '../support/presenting.ts'
import { goTo } from '../support/slide-ready.ts'
import { POINTS, SECTIONS, longSectionsBrief } from './long-sections-brief.ts'
import { activePoint, fadedContrasts, panelShare, pointInView } from './notes-panel.ts'

/** A laptop, a small laptop, a tablet in landscape. */
const WINDOWS: { width: number; height: number }[] = [
  { width: 1440, height: 900 },
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
]

/** The slides whose notes have clicks (the sections), with their number of clicks. */
async function sectionSlides(deckFile: string): Promise<{ no: number; clicks: number }[]> {
  const slides = await readDeck(await readFile(deckFile, 'utf8'))
  return slides.map((slide, i) => ({ no: i + 1, clicks: slide.noteClicks })).filter((slide) => slide.clicks > 0)
}

/** Slide, click and registered clicks of the slide on screen (its v-clicks register once mounted): `3/0/4`. */
const nav = (page: Page) =>
  page.evaluate(() => {
    const { nav } = (window as unknown as { __slidev__: { nav: { currentSlideNo: number; clicks: number; clicksTotal: number } } }).__slidev__
    return `${nav.currentSlideNo}/${nav.clicks}/${nav.clicksTotal}`
  })

/**
 * Waits until the server holds the page's own place: Slidev sends it a moment after a move, and a
 * page loaded meanwhile would be taken back to the place the server still relays.
 */
async function synced(page: Page, url: string) {
  await expect
    .poll(async () => {
      // Served as a module that holds the state as JSON.
      const served = await (await fetch(`${url}/@server-reactive/nav`)).text()
      const place = `${/"page":(\d+)/.exec(served)?.[1]}/${/"clicks":(\d+)/.exec(served)?.[1]}`
      return place === (await nav(page)).split('/').slice(0, 2).join('/')
    }, { timeout: 30_000 })
    .toBe(true)
}

/**
 * At each window size: the notes' share of the window with the slide, the next slide and the
 * pacing panel in view; then every click of every section slide: the highlighted bullet (both
 * languages) in the panel, and every faded note readable.
 */
async function walkSections(browser: Browser, url: string, sections: { no: number; clicks: number }[]) {
  expect(sections.length).toBeGreaterThan(0)
  const context = await browser.newContext({ viewport: WINDOWS[0]! })
  try {
    const page = await context.newPage()
    for (const viewport of WINDOWS) {
      await page.setViewportSize(viewport)
      // The presenter view opened at this size, then moved from section to section as a
      // presenter moves (a page load from the dev server costs seconds of its modules).
      if (page.url().startsWith(url)) await synced(page, url)
      await page.goto(`${url}/presenter/${sections[0]!.no}`, { waitUntil: 'load', timeout: 120_000 })
      for (const section of sections) {
        await goTo(page, { no: section.no, clicks: 0 }, 120_000)
        await page.locator('.slidev-presenter .grid-section.note .slidev-note-click-mark').first().waitFor({ timeout: 120_000 })
        const share = await panelShare(page)
        expect(share.share, `notes' share at ${viewport.width}×${viewport.height}`).toBeGreaterThanOrEqual(0.4)
        expect(share, `${viewport.width}×${viewport.height}`).toMatchObject({ slide: true, next: true, pacing: true })
        await expect.poll(() => nav(page), { timeout: 60_000 }).toBe(`${section.no}/0/${section.clicks}`)
        await synced(page, url)
        for (let click = 1; click <= section.clicks; click++) {
          await page.keyboard.press('ArrowRight')
          await expect.poll(async () => (await activePoint(page))?.click, { timeout: 30_000 }).toBe(click)
          const where = `slide ${section.no}, click ${click}, ${viewport.width}×${viewport.height}`
          // The panel scrolls smoothly: wait for the bullet to arrive, then read where it is.
          await expect.poll(async () => pointInView((await activePoint(page))!), { message: where, timeout: 10_000 }).toBe(true)
          expect((await activePoint(page))!.langs, where).toEqual(['zh-Hant', 'en'])
          const faded = await fadedContrasts(page)
          expect(faded.length, where).toBeGreaterThan(0)
          expect(faded.filter((text) => text.ratio < 4.5), where).toEqual([])
        }
      }
    }
  } finally {
    await context.close()
  }
}

/**
 * Every slide's notes once in the presenter (each fetched from the dev server), then every slide
 * again: Slidev's placeholder ("No notes.") never takes the notes' place on the way back.
 */
async function returnsWithoutGap(browser: Browser, url: string, slides: number) {
  expect(slides).toBeGreaterThan(2)
  const context = await browser.newContext({ viewport: WINDOWS[0]! })
  try {
    const page = await context.newPage()
    await page.goto(`${url}/presenter/1`, { waitUntil: 'load', timeout: 120_000 })
    const visit = async (no: number) => {
      await goTo(page, { no, clicks: 0 }, 120_000)
      await page.waitForFunction(notesLoaded, null, { timeout: 60_000, polling: 50 })
    }
    for (let no = 1; no <= slides; no++) await visit(no)
    await page.evaluate(() => {
      const seen: string[] = []
      Object.assign(window, { placeholdersSeen: seen })
      new MutationObserver(() => {
        const shown = document.querySelector('.slidev-note.select-none')
        if (shown) seen.push(shown.textContent ?? '')
      }).observe(document.body, { childList: true, subtree: true, attributes: true })
    })
    for (let no = slides; no >= 1; no--) await visit(no)
    expect(await page.evaluate(() => (window as unknown as { placeholdersSeen: string[] }).placeholdersSeen)).toEqual([])
  } finally {
    await context.close()
  }
}

describe('the presenter view made for briefing (npm start)', () => {
  const browser = useBrowser()

  it('shipped brief: notes on ≥ 40% of a laptop or tablet window, the spoken bullet wholly in view, faded notes ≥ 4.5:1, a slide\'s notes at once when it comes back; Slidev\'s layouts one click away', async () => {
    const port = await freePort()
    const { exit, started, stop, lines } = presenting((output, stopped) => main(['--port', String(port)], output, () => stopped))
    try {
      await started
      const url = `http://localhost:${port}`
      const deck = path.join(decksDirFor('regime-security'), 'bilingual.md')
      await walkSections(browser(), url, await sectionSlides(deck))
      await returnsWithoutGap(browser(), url, (await readDeck(await readFile(deck, 'utf8'))).length)

      // Slidev's own layouts: its layout button goes to them, and the choice survives a reload.
      const context = await browser().newContext({ viewport: WINDOWS[0]! })
      try {
        const page = await context.newPage()
        await page.goto(`${url}/presenter/1`, { waitUntil: 'load', timeout: 120_000 })
        const grid = page.locator('.slidev-presenter .grid-container')
        await expect.poll(() => grid.getAttribute('class')).toMatch(/\blayout4\b/)
        const toggle = page.getByTitle('Toggle Presenter Layout')
        await toggle.click()
        await expect.poll(() => grid.getAttribute('class')).toMatch(/\blayout1\b/)
        expect((await panelShare(page)).share).toBeLessThan(0.4)
        await page.reload({ waitUntil: 'load' })
        await expect.poll(() => grid.getAttribute('class')).toMatch(/\blayout1\b/)
        for (const layout of [2, 3, 4]) {
          await toggle.click()
          await expect.poll(() => grid.getAttribute('class')).toMatch(new RegExp(`\\blayout${layout}\\b`))
        }
        expect((await panelShare(page)).share).toBeGreaterThanOrEqual(0.4)
      } finally {
        await context.close()
      }
    } finally {
      stop()
      expect(await exit, lines.join('\n')).toBe(0)
    }
  }, 600_000)

  it(`a brief of ${POINTS} long bullets a section: each in view, or from its start when taller than the panel`, async () => {
    const dir = path.join(TMP, 'long-sections')
    await mkdir(dir, { recursive: true })
    const brief = path.join(dir, 'brief.txt')
    await writeFile(brief, longSectionsBrief())
    const port = await freePort()
    const { exit, started, stop, lines } = presenting((output, stopped) => main(['--brief', brief, '--port', String(port)], output, () => stopped))
    try {
      await started
      const sections = await sectionSlides(path.join(presentDecksFor(port), 'bilingual.md'))
      // Every bullet a click; a section this long goes on over slides (docs/presenting.md), each still with notes of several bullets.
      expect(sections.reduce((sum, section) => sum + section.clicks, 0)).toBe(SECTIONS * POINTS)
      for (const section of sections) expect(section.clicks).toBeGreaterThanOrEqual(2)
      await walkSections(browser(), `http://localhost:${port}`, sections)
    } finally {
      stop()
      expect(await exit, lines.join('\n')).toBe(0)
    }
  }, 600_000)
})
