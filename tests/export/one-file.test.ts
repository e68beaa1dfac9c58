/**
 * The deck as one HTML file (`npm run export -- --format html`), opened from
 * `file://` in Chromium with every request outside the file refused and
 * recorded: every slide, in the embedded fonts; the presenter view with the
 * audience window it opens, in step at every click; no other page moving
 * either; and the public file, without a note or a presenter view.
 */
import { readFile, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { decodeHTML } from 'entities'
import type { BrowserContext, Page } from 'playwright-chromium'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main as exportMain } from '../../scripts/cli/export.ts'
import { VARIANTS, type Variant } from '../../scripts/deck/variant.ts'
import { CANVAS, shippedDecks, useBrowser } from '../browser/fixture.ts'
import { activePoint, pointInView } from '../present/notes-panel.ts'
import { readDeck, type ReadSlide } from '../support/deck-reader.ts'
import { projectTempDir } from '../support/tmp.ts'

let tmp: string
let decks: Record<Variant, ReadSlide[]>
const full = {} as Record<Variant, string>
const publicFiles = {} as Record<Variant, string>
const lines: string[] = []

beforeAll(async () => {
  const { dir } = await shippedDecks()
  decks = {} as Record<Variant, ReadSlide[]>
  for (const variant of VARIANTS) decks[variant] = await readDeck(await readFile(path.join(dir, `${variant}.md`), 'utf8'))
  tmp = await projectTempDir('one-file')
  const output = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) }
  expect(await exportMain(['--decks', dir, '--format', 'html', '--out', path.join(tmp, 'full')], output), lines.join('\n')).toBe(0)
  expect(await exportMain(['--decks', dir, '--format', 'html', '--public', '--out', path.join(tmp, 'public')], output), lines.join('\n')).toBe(0)
  for (const variant of VARIANTS) {
    full[variant] = path.join(tmp, 'full', `regime-security-${variant}.html`)
    publicFiles[variant] = path.join(tmp, 'public', `regime-security-${variant}.html`)
  }
}, 600_000)

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true })
})

const url = (file: string) => pathToFileURL(file).href

/**
 * A browser context that lets pages load the given files and nothing else:
 * every other request is refused and recorded (`data:` and `blob:` URLs are
 * not requests), and the `pages` (local http pages) named. Errors of every page are recorded too.
 */
async function fileContext(browser: ReturnType<ReturnType<typeof useBrowser>>, files: string[], pages: string[] = []) {
  const allowed = new Set([...files.map(url), ...pages])
  const refused: string[] = []
  const errors: string[] = []
  const context = await browser.newContext({ viewport: CANVAS })
  await context.route('**/*', (route) => {
    const requested = route.request().url()
    if (allowed.has(requested.split('#')[0]!)) return route.continue()
    refused.push(requested)
    return route.abort()
  })
  const watchPage = (page: Page) => {
    page.on('pageerror', (error) => errors.push(String(error)))
    page.on('console', (message) => message.type() === 'error' && errors.push(`${message.text()} at ${JSON.stringify(message.location())}`))
  }
  context.on('page', watchPage)
  return { context, refused, errors }
}

/** Slide and click of a page from its address (`#/3?clicks=2`, `#/presenter/3?clicks=2`). */
function place(page: Page): string {
  const hash = new URL(page.url()).hash
  const match = /^#\/(?:presenter\/)?(\d+)(?:\?clicks=(\d+))?$/.exec(hash)
  return match ? `${match[1]}/${match[2] ?? 0}` : hash
}

const squash = (text: string) => text.replace(/\s+/g, '')

/** The bullets of a slide's notes, one a click, each as [Chinese, English] (the deck's markup: scripts/deck/). */
function bulletsOf(slide: ReadSlide): [string, string][] {
  const points = [...slide.note.matchAll(/<div class="deck-note-point">\[click\]<p lang="zh-Hant">([^<]*)<\/p><p lang="en">([^<]*)<\/p><\/div>/g)]
  expect(points.length).toBe(slide.noteClicks)
  return points.map(([, zh, en]) => [decodeHTML(zh!), decodeHTML(en!)])
}

/** The text of the bullet the presenter view marks as spoken, each language's paragraph whole. */
function spokenBullet(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const point = document.querySelector('.slidev-presenter .slidev-note .slidev-note-click-mark-active')?.closest('.deck-note-point')
    return [...(point?.querySelectorAll('p[lang]') ?? [])].map((p) => (p.textContent ?? '').trim())
  })
}

/**
 * The entries into a presenter view on a file's audience page (slide 2):
 * Slidev's toolbar buttons and, once it is open, its context menu's items
 * that name one.
 */
async function presenterEntries(page: Page, file: string): Promise<string[]> {
  await page.goto(`${url(file)}#/2`)
  const slide = page.locator('.slidev-page-2').first()
  await slide.waitFor({ timeout: 60_000 })
  // Waited for by another of the toolbar's buttons, there in either file.
  await page.locator('.slidev-icon-btn[title="Show slide overview"]').first().waitFor({ state: 'attached', timeout: 30_000 })
  const toolbar = await page.locator('.slidev-icon-btn').evaluateAll((buttons) => buttons.map((button) => button.getAttribute('title') ?? ''))
  await slide.click({ button: 'right' })
  const menu = page.locator('.z-context-menu')
  await menu.getByText('Show slide overview').waitFor({ timeout: 30_000 })
  const items = (await menu.locator('[title], .grid').allTextContents()).map((text) => text.trim())
  await page.keyboard.press('Escape')
  return [...toolbar, ...items].filter((label) => /presenter/i.test(label))
}

/** Every text node's fonts in the page's slide `no`, as Chromium drew them (DevTools' platform fonts). */
async function slideFonts(context: BrowserContext, page: Page, no: number): Promise<{ family: string; custom: boolean }[]> {
  const cdp = await context.newCDPSession(page)
  try {
    await cdp.send('DOM.enable')
    await cdp.send('CSS.enable')
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 })
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: `.slidev-page-${no} *` })
    const fonts: { family: string; custom: boolean }[] = []
    for (const nodeId of nodeIds) {
      for (const font of (await cdp.send('CSS.getPlatformFontsForNode', { nodeId })).fonts) fonts.push({ family: font.familyName, custom: font.isCustomFont })
    }
    return fonts
  } finally {
    await cdp.detach()
  }
}


/** Keeps the names of the BroadcastChannels each page of `context` opens (`window.channelNames`): Slidev names its own after the deck's title. */
async function recordChannelNames(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const names: string[] = []
    const Native = window.BroadcastChannel
    window.BroadcastChannel = class extends Native {
      constructor(name: string) {
        super(name)
        names.push(name)
      }
    }
    Object.assign(window, { channelNames: names })
  })
}
describe('one HTML file per deck (npm run export -- --format html)', () => {
  const browser = useBrowser()

  it('writes one file per deck, the bilingual one ≤ 3 MB', async () => {
    for (const variant of VARIANTS) expect(lines.join('\n')).toContain(`regime-security-${variant}.html`)
    const size = (await readFile(full.bilingual)).length
    expect(size).toBeLessThanOrEqual(3 * 1024 * 1024)
  })

  it('shows every slide of each deck from file://, in the embedded Noto faces only, with no request leaving the file', async () => {
    for (const variant of VARIANTS) {
      const { context, refused, errors } = await fileContext(browser(), [full[variant]])
      try {
        const page = await context.newPage()
        const slides = decks[variant]
        for (const [i, slide] of slides.entries()) {
          const no = i + 1
          await page.goto(`${url(full[variant])}#/${no}`)
          const shown = variant === 'en' ? slide.shown.en : slide.shown['zh-Hant']
          expect(shown.length, `${variant} slide ${no} has text to look for`).toBeGreaterThan(0)
          const slideText = () => page.locator(`.slidev-page-${no}`).first().textContent({ timeout: 60_000 })
          await expect.poll(async () => squash((await slideText()) ?? ''), { timeout: 60_000 }).toContain(squash(shown[0]!))
        }
        expect(refused).toEqual([])
        expect(errors).toEqual([])
        // Then the fonts, through DevTools (which itself logs an error when it reads the inline stylesheet).
        for (let no = 1; no <= slides.length; no++) {
          await page.goto(`${url(full[variant])}#/${no}`)
          await page.locator(`.slidev-page-${no} .deck-fit`).first().waitFor({ timeout: 60_000 })
          await page.evaluate(() => document.fonts.ready.then(() => undefined))
          const fonts = await slideFonts(context, page, no)
          expect(fonts.length, `${variant} slide ${no}`).toBeGreaterThan(0)
          expect(fonts.filter((font) => !font.custom || !/^Noto (Sans|Sans TC|Emoji)\b/.test(font.family)), `${variant} slide ${no}`).toEqual([])
        }
        expect(refused).toEqual([])
      } finally {
        await context.close()
      }
    }
  }, 300_000)

  it('presenter view from the file opens the audience window (key A), which follows every click and the language; the notes show the spoken bullet', async () => {
    const { context, refused, errors } = await fileContext(browser(), [full.bilingual])
    try {
      const presenter = await context.newPage()
      await presenter.setViewportSize({ width: 1440, height: 900 })
      await presenter.goto(`${url(full.bilingual)}#/presenter/1`)
      await presenter.locator('.slidev-presenter').waitFor({ timeout: 60_000 })
      await presenter.getByRole('button', { name: 'Audience window' }).waitFor({ timeout: 30_000 })
      // The briefing's own parts of the presenter view: pacing, and the rehearsal table with its CSV (a blob: download).
      await presenter.locator('.deck-pacing').waitFor({ timeout: 30_000 })
      await presenter.locator('.deck-rehearsal-toggle').click()
      await presenter.locator('.deck-rehearsal table').waitFor({ timeout: 30_000 })
      const downloaded = presenter.waitForEvent('download')
      await presenter.getByRole('button', { name: 'Download CSV' }).click()
      const csv = await readFile((await (await downloaded).path())!, 'utf8')
      expect(csv.split('\r\n').filter((line) => /^\d+,/.test(line)).length).toBe(decks.bilingual.length)
      await presenter.getByRole('button', { name: 'Close' }).click()
      await presenter.locator('.deck-rehearsal').waitFor({ state: 'detached', timeout: 30_000 })
      // The keys behind `?` name the file's own: A, the audience window.
      const keys = presenter.locator('.deck-keys')
      await presenter.keyboard.press('?')
      await keys.waitFor({ timeout: 30_000 })
      expect(await keys.locator('th').allTextContents()).toEqual(expect.arrayContaining(['A', 'L', 'B  .']))
      await presenter.keyboard.press('Escape')
      await keys.waitFor({ state: 'detached', timeout: 30_000 })
      const opened = presenter.waitForEvent('popup')
      await presenter.keyboard.press('a')
      const audience = await opened
      await audience.locator('.slidev-page-1').first().waitFor({ timeout: 60_000 })
      expect(await audience.locator('.slidev-presenter').count()).toBe(0)

      const slides = decks.bilingual
      for (const [i, slide] of slides.entries()) {
        const no = i + 1
        for (let click = 0; click <= slide.noteClicks; click++) {
          if (no > 1 || click > 0) await presenter.keyboard.press('ArrowRight')
          const where = `${no}/${click}`
          await expect.poll(() => place(presenter), { timeout: 30_000 }).toBe(where)
          await expect.poll(() => place(audience), { message: `audience at ${where}`, timeout: 30_000 }).toBe(where)
          await audience.locator(`.slidev-page-${no}`).first().waitFor({ timeout: 30_000 })
          if (click > 0) {
            await expect.poll(async () => (await activePoint(presenter))?.click, { message: where, timeout: 30_000 }).toBe(click)
            await expect.poll(async () => pointInView((await activePoint(presenter))!), { message: where, timeout: 10_000 }).toBe(true)
            expect((await activePoint(presenter))!.langs, where).toEqual(['zh-Hant', 'en'])
            // The whole bullet, both languages, as the brief says it.
            expect(await spokenBullet(presenter), where).toEqual(bulletsOf(slide)[click - 1])
          }
        }
      }

      const shown = (page: Page) => page.evaluate(() => document.documentElement.getAttribute('data-deck-show'))
      for (const mode of ['zh-Hant', 'en', 'both']) {
        await presenter.keyboard.press('l')
        await expect.poll(() => shown(presenter), { timeout: 10_000 }).toBe(mode)
        await expect.poll(() => shown(audience), { message: `audience shows ${mode}`, timeout: 10_000 }).toBe(mode)
      }

      // A reloaded presenter view has forgotten its audience window: A finds the same window again (by its name), which follows.
      await presenter.goto(`${url(full.bilingual)}#/presenter/1`)
      await presenter.reload()
      await presenter.locator('.slidev-presenter').waitFor({ timeout: 60_000 })
      const windows = context.pages().length
      await presenter.keyboard.press('a')
      await expect.poll(() => place(audience), { timeout: 30_000 }).toBe('1/0')
      await presenter.keyboard.press('ArrowRight')
      const second = slides[0]!.noteClicks > 0 ? '1/1' : '2/0'
      await expect.poll(() => place(audience), { timeout: 30_000 }).toBe(second)
      expect(context.pages().length).toBe(windows)
      expect(refused).toEqual([])
      expect(errors).toEqual([])
    } finally {
      await context.close()
    }
  }, 300_000)

  it('lets no other page move the presenter or the audience window (BroadcastChannel, storage, postMessage)', async () => {
    const other = path.join(tmp, 'other.html')
    await writeFile(other, '<!doctype html><title>another file</title><p>another file</p>')
    const { context, refused } = await fileContext(browser(), [full.bilingual, other])
    await recordChannelNames(context)
    try {
      const presenter = await context.newPage()
      await presenter.goto(`${url(full.bilingual)}#/presenter/1`)
      await presenter.locator('.slidev-presenter').waitFor({ timeout: 60_000 })
      const opened = presenter.waitForEvent('popup')
      await presenter.getByRole('button', { name: 'Audience window' }).click()
      const audience = await opened
      await expect.poll(() => place(audience), { timeout: 30_000 }).toBe('1/0')
      await presenter.keyboard.press('ArrowRight')
      await expect.poll(() => place(audience), { timeout: 30_000 }).toBe('2/0')
      const channel = await presenter.evaluate(() => (window as unknown as { channelNames: string[] }).channelNames.find((name) => name.endsWith(' - shared')) ?? '')
      expect(channel).not.toBe('')

      const attacker = await context.newPage()
      await attacker.goto(url(other))
      // A presenter view that another page opened: it must not obey that page either.
      const openedByAttacker = attacker.waitForEvent('popup')
      await attacker.evaluate((href) => Object.assign(window, { deck: window.open(href) }), `${url(full.bilingual)}#/presenter/1`)
      const victim = await openedByAttacker
      await victim.locator('.slidev-presenter').waitFor({ timeout: 60_000 })

      // Each window records every place it goes to, and when the other page's messages have reached it.
      for (const page of [presenter, audience, victim]) {
        await page.evaluate((name) => {
          const record = window as unknown as { places: string[]; heard: string[] }
          record.places = []
          record.heard = []
          for (const method of ['pushState', 'replaceState'] as const) {
            const original = history[method].bind(history)
            history[method] = (data: unknown, unused: string, next?: string | URL | null) => {
              record.places.push(String(next))
              original(data, unused, next)
            }
          }
          new BroadcastChannel(name).addEventListener('message', () => record.heard.push('broadcast'))
          addEventListener('storage', () => record.heard.push('storage'))
          addEventListener('message', () => record.heard.push('message'))
        }, channel)
      }

      const hostile = { page: 4, clicks: 0, clicksTotal: 0, lastUpdate: { id: 'x', type: 'presenter', time: Date.now() } }
      await attacker.evaluate(
        ({ name, state }) => {
          new BroadcastChannel(name).postMessage(state)
          localStorage.setItem('briefdeck:show:./', 'en')
          const message = { briefdeck: 'file-sync', channel: name, state }
          const language = { briefdeck: 'file-sync', channel: 'show', state: 'en' }
          const deck = (window as unknown as { deck: Window }).deck
          deck.postMessage(message, '*')
          deck.postMessage(language, '*')
          // The audience window by its name, if this page can reach it (else a blank window of its own).
          window.open('', 'briefdeck-audience')?.postMessage(message, '*')
          window.open('', 'briefdeck-audience')?.postMessage(language, '*')
        },
        { name: channel, state: hostile },
      )
      const heard = (page: Page) => page.evaluate(() => (window as unknown as { heard: string[] }).heard)
      await expect.poll(async () => (await heard(audience)).includes('broadcast') && (await heard(audience)).includes('storage'), { timeout: 10_000 }).toBe(true)
      await expect.poll(async () => (await heard(presenter)).includes('broadcast'), { timeout: 10_000 }).toBe(true)
      await expect.poll(async () => (await heard(victim)).includes('message'), { timeout: 10_000 }).toBe(true)

      // A move of the presenter's own comes after the other page's: only it shows.
      await presenter.keyboard.press('ArrowRight')
      const next = decks.bilingual[1]!.noteClicks > 0 ? '2/1' : '3/0'
      await expect.poll(() => place(audience), { timeout: 30_000 }).toBe(next)
      const places = (page: Page) => page.evaluate(() => (window as unknown as { places: string[] }).places)
      expect((await places(audience)).filter((next) => /#\/4/.test(next))).toEqual([])
      expect((await places(presenter)).filter((next) => /#\/(presenter\/)?4/.test(next))).toEqual([])
      expect(await audience.evaluate(() => document.documentElement.getAttribute('data-deck-show'))).toBe('both')
      expect((await places(victim)).filter((next) => /#\/(presenter\/)?4/.test(next))).toEqual([])
      expect(place(victim)).toBe('1/0')
      expect(await victim.evaluate(() => document.documentElement.getAttribute('data-deck-show'))).toBe('both')
      expect(refused).toEqual([])
    } finally {
      await context.close()
    }
  }, 300_000)

  it('lets no http page move them either, not even one the presenter opened (a link in a slide)', async () => {
    const server = createServer((_, response) => response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>a web page</title><p>a web page</p>'))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const web = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
    const { context, refused } = await fileContext(browser(), [full.bilingual], [web])
    await recordChannelNames(context)
    try {
      const presenter = await context.newPage()
      await presenter.goto(`${url(full.bilingual)}#/presenter/1`)
      await presenter.locator('.slidev-presenter').waitFor({ timeout: 60_000 })
      const opened = presenter.waitForEvent('popup')
      await presenter.keyboard.press('a')
      const audience = await opened
      await expect.poll(() => place(audience), { timeout: 30_000 }).toBe('1/0')
      // Slidev's own channel's name (after the deck's title), as a page that knows the deck would use it.
      const channel = await presenter.evaluate(() => (window as unknown as { channelNames: string[] }).channelNames.find((name) => name.endsWith(' - shared')) ?? '')
      expect(channel).not.toBe('')
      for (const page of [presenter, audience]) {
        await page.evaluate(() => {
          const record = window as unknown as { places: string[]; heard: string[] }
          record.places = []
          record.heard = []
          for (const method of ['pushState', 'replaceState'] as const) {
            const original = history[method].bind(history)
            history[method] = (data: unknown, unused: string, next?: string | URL | null) => {
              record.places.push(String(next))
              original(data, unused, next)
            }
          }
          addEventListener('message', () => record.heard.push('message'))
        })
      }

      // The presenter opens a web page (as a link in a slide would): it has the presenter as its opener.
      const openedWeb = presenter.waitForEvent('popup')
      await presenter.evaluate((href) => void window.open(href), web)
      const webPage = await openedWeb
      await webPage.getByText('a web page').waitFor({ timeout: 30_000 })
      const hostile = { page: 4, clicks: 0, clicksTotal: 0, lastUpdate: { id: 'x', type: 'presenter', time: Date.now() } }
      await webPage.evaluate(
        ({ name, state }) => {
          const messages = [
            { briefdeck: 'file-sync', channel: name, state },
            { briefdeck: 'file-sync', channel: 'show', state: 'en' },
            { briefdeck: 'file-sync', channel: 'hello', state: null },
          ]
          new BroadcastChannel(name).postMessage(state)
          for (const message of messages) {
            window.opener?.postMessage(message, '*')
            // The audience window by its name, if this page can reach it (else a blank window of its own).
            window.open('', 'briefdeck-audience')?.postMessage(message, '*')
          }
        },
        { name: channel, state: hostile },
      )
      const heard = (page: Page) => page.evaluate(() => (window as unknown as { heard: string[] }).heard.length)
      await expect.poll(() => heard(presenter), { timeout: 10_000 }).toBeGreaterThanOrEqual(3)

      // A move of the presenter's own comes after the web page's: only it shows.
      await presenter.keyboard.press('ArrowRight')
      const next = decks.bilingual[0]!.noteClicks > 0 ? '1/1' : '2/0'
      await expect.poll(() => place(audience), { timeout: 30_000 }).toBe(next)
      expect(place(presenter)).toBe(next)
      const places = (page: Page) => page.evaluate(() => (window as unknown as { places: string[] }).places)
      for (const page of [presenter, audience]) {
        expect((await places(page)).filter((where) => /#\/(presenter\/)?4/.test(where))).toEqual([])
        expect(await page.evaluate(() => document.documentElement.getAttribute('data-deck-show'))).toBe('both')
      }
      expect(refused).toEqual([])
    } finally {
      await context.close()
      server.close()
    }
  }, 300_000)

  it('--public: no note of the brief anywhere in the file, and no presenter view nor a way to one', async () => {
    const notes = decks.bilingual.flatMap((slide) => [...slide.notes['zh-Hant'], ...slide.notes.en])
    expect(notes.length).toBeGreaterThan(0)
    // Each note's first words, in the file's text with its escapes read (JavaScript's and HTML's);
    // but for a note that the slides themselves say (a short point can be a headline too).
    const onSlides = VARIANTS.flatMap((variant) => decks[variant].map((slide) => decodeHTML(slide.content))).join('\n')
    const phrases = notes
      .map((note) => [...note].slice(0, /[\u4e00-\u9fff]/.test(note) ? 10 : 30).join(''))
      .filter((phrase) => !onSlides.includes(phrase))
    expect(phrases.length).toBeGreaterThan(notes.length / 2)
    const decoded = async (file: string) =>
      decodeHTML((await readFile(file, 'utf8')).replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))))
    const presenterFile = await decoded(full.bilingual)
    // The search finds them where they are: in the presenter's file.
    expect(phrases.filter((phrase) => !presenterFile.includes(phrase))).toEqual([])
    for (const variant of VARIANTS) {
      const text = await decoded(publicFiles[variant])
      expect(phrases.filter((phrase) => text.includes(phrase)), variant).toEqual([])
    }

    const { context, refused } = await fileContext(browser(), [publicFiles.bilingual, full.bilingual])
    try {
      const page = await context.newPage()
      // The ways into a presenter view that the presenter's file offers on its audience page, the public file none.
      expect(await presenterEntries(page, full.bilingual)).toEqual(['Presenter Mode', 'Enter Presenter Mode'])
      expect(await presenterEntries(page, publicFiles.bilingual)).toEqual([])
      await page.goto(`${url(publicFiles.bilingual)}#/presenter/2`)
      // Slidev's page for an address it has no route for.
      await page.getByText('not found', { exact: false }).first().waitFor({ timeout: 30_000 })
      expect(await page.locator('.slidev-presenter, .slidev-note').count()).toBe(0)
      expect(refused).toEqual([])
    } finally {
      await context.close()
    }
  }, 300_000)
})
