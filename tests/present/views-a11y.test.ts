/**
 * Issue 37, points 4 and 5: the projector shows the slide alone; the audience view, the
 * presenter view, the phone remote and the site's index pass axe-core's WCAG 2.2 A/AA rules
 * with no serious or critical violation; a screen reader meets one heading a slide and the
 * points as a list, in reading order.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Browser, BrowserContextOptions, Page } from 'playwright-chromium'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../scripts/cli/start.ts'
import { freePort } from '../../scripts/slidev/server.ts'
import type { BriefingFacts } from '../../scripts/site/briefing-facts.ts'
import { renderSiteIndex, type SiteBriefing } from '../../scripts/site/index-html.ts'
import { DEFAULT_BRIEF } from '../../scripts/project.ts'
import { seriousViolations } from '../support/axe.ts'
import { presenting } from '../support/presenting.ts'
import { currentSlide, goTo } from '../support/slide-ready.ts'
import { TMP, deckFile, settle, shippedDecks, useBrowser, useDeckServer } from '../browser/fixture.ts'

const LAPTOP = { width: 1440, height: 900 }
/** A 4:3 projector, or a tablet in landscape: Slidev's control bar stays on screen there for good. */
const PROJECTOR = { width: 1024, height: 768 }
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }

/**
 * Runs in the page: the controls on screen outside the slide (`.slidev-page`), as `tag.class "title"`.
 * Shown means laid out with an area in the window and not `visibility: hidden`: Slidev's bar at
 * opacity 0 counts, as a mouse moved over it or the Tab key brings it back.
 */
function controlsOutsideSlide(): string[] {
  const controls = document.querySelectorAll<HTMLElement>('nav, button, a[href], input, select, textarea, [role="button"], [tabindex]:not([tabindex="-1"])')
  return [...controls]
    .filter((element) => !element.closest('.slidev-page'))
    .filter((element) => {
      const box = element.getBoundingClientRect()
      const inWindow = box.right > 0 && box.bottom > 0 && box.left < innerWidth && box.top < innerHeight
      return box.width > 0 && box.height > 0 && inWindow && getComputedStyle(element).visibility !== 'hidden'
    })
    .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} "${element.getAttribute('title') ?? element.textContent?.trim().slice(0, 20) ?? ''}"`)
}

/** What a screen reader meets on the slide on screen, in reading (DOM) order: its headings and list items, each language's text. */
interface SlideOutline {
  headings: string[]
  items: { en: string; zh: string; top: number; inList: boolean }[]
}

function outlineOf(no: number): SlideOutline {
  const slide = document.querySelector(`.slidev-page-${no}`)!
  const shown = (element: Element) => element.getClientRects().length > 0
  const textOf = (element: Element, lang: string) => element.querySelector(`[lang="${lang}"]`)?.textContent?.trim() ?? ''
  const headings = [...slide.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')].filter(shown)
  const items = [...slide.querySelectorAll('li, [role="listitem"]')].filter(shown)
  return {
    headings: headings.map((heading) => heading.textContent?.trim() ?? ''),
    items: items.map((item) => ({
      en: textOf(item, 'en'),
      zh: textOf(item, 'zh-Hant'),
      top: item.getBoundingClientRect().top,
      inList: item.parentElement?.matches('ul, ol, [role="list"]') ?? false,
    })),
  }
}

/**
 * Runs in the page: the slide's ground (the luminance of its rendered background) and, for every
 * text shown on slide `no`, its contrast with that ground — its colour as drawn, with the
 * opacity of it and its ancestors (WCAG 2 relative luminance).
 */
function slideContrasts(no: number): { ground: number; texts: { text: string; ratio: number }[] } {
  const channels = (colour: string) => colour.match(/[\d.]+/g)!.map(Number)
  const luminance = ([r, g, b]: number[]) => {
    const linear = (channel: number) => {
      const c = channel / 255
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
    }
    return 0.2126 * linear(r!) + 0.7152 * linear(g!) + 0.0722 * linear(b!)
  }
  const content = document.querySelector('.slidev-slide-content')!
  const ground = channels(getComputedStyle(content).backgroundColor)
  const slide = document.querySelector(`.slidev-page-${no}`)!
  const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT)
  const texts: { text: string; ratio: number }[] = []
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement!
    if (!node.textContent?.trim() || element.getClientRects().length === 0) continue
    let alpha = 1
    for (let at: Element | null = element; at && at !== content; at = at.parentElement) alpha *= Number(getComputedStyle(at).opacity)
    const [r, g, b, a = 1] = channels(getComputedStyle(element).color)
    const drawn = [r!, g!, b!].map((channel, i) => channel * a * alpha + ground[i]! * (1 - a * alpha))
    const [light, dark] = [luminance(drawn), luminance(ground)].sort((x, y) => y - x)
    texts.push({ text: node.textContent.trim().slice(0, 30), ratio: Math.round(((light! + 0.05) / (dark! + 0.05)) * 100) / 100 })
  }
  return { ground: luminance(ground), texts }
}

/** Opens `route` in a context of its own and hands over the page once its slide is mounted with its fonts. */
async function openView<T>(browser: Browser, url: string, options: BrowserContextOptions, use: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext(options)
  try {
    const page = await context.newPage()
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 })
    await currentSlide(page, 120_000)
    return await use(page)
  } finally {
    await context.close()
  }
}

/**
 * Waits until the page is drawn as it will stay: fonts loaded, and the clicks' fades (Slidev's
 * v-click transition) at their end — axe would measure a point still fading in as faint text.
 */
async function shown(page: Page): Promise<void> {
  await settle(page)
  await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)).then(() => undefined))
}

/** axe on every slide of the view, at its first click and with all its clicks shown; the violations, each prefixed by where. */
async function violationsOnEverySlide(page: Page, where: string): Promise<string[]> {
  const { slides } = await currentSlide(page, 120_000)
  const found: string[] = []
  for (let no = 1; no <= slides; no++) {
    const { clicksTotal } = await goTo(page, { no, clicks: 0 }, 120_000)
    for (const clicks of clicksTotal > 0 ? [0, clicksTotal] : [0]) {
      await goTo(page, { no, clicks }, 120_000)
      await shown(page)
      for (const violation of await seriousViolations(page)) found.push(`${where}, slide ${no} click ${clicks}: ${violation}`)
    }
  }
  return found
}

describe('views for the room, accessible (issue 37, points 4–5)', () => {
  const browser = useBrowser()
  const server = useDeckServer(async () => deckFile((await shippedDecks()).dir, 'bilingual'), browser)

  it('the audience view shows the slide alone, on a 4:3 projector and a 16:10 laptop: no control outside the slide', async () => {
    for (const viewport of [PROJECTOR, LAPTOP]) {
      const shown = await openView(browser(), `${server().url}/2`, { viewport }, async (page) => {
        await settle(page)
        return page.evaluate(controlsOutsideSlide)
      })
      expect(shown, `${viewport.width}×${viewport.height}`).toEqual([])
    }
  }, 300_000)

  it('the audience view: no serious or critical WCAG 2.2 A/AA violation on any slide, at 1024×768 and 1440×900', async () => {
    for (const viewport of [PROJECTOR, LAPTOP]) {
      const found = await openView(browser(), `${server().url}/1`, { viewport }, (page) => violationsOnEverySlide(page, `audience ${viewport.width}×${viewport.height}`))
      expect(found).toEqual([])
    }
  }, 300_000)

  it('the presenter view (laptop, tablet) and the phone remote: no serious or critical WCAG 2.2 A/AA violation on any slide', async () => {
    const found: string[] = []
    for (const viewport of [LAPTOP, PROJECTOR]) {
      found.push(...(await openView(browser(), `${server().url}/presenter/1`, { viewport }, (page) => violationsOnEverySlide(page, `presenter ${viewport.width}×${viewport.height}`))))
    }
    found.push(
      ...(await openView(browser(), `${server().url}/presenter/1`, PHONE, async (page) => {
        await page.locator('.deck-remote').waitFor({ timeout: 60_000 })
        return violationsOnEverySlide(page, 'phone remote 390×844')
      })),
    )
    expect(found).toEqual([])
  }, 600_000)

  it("a screen reader's view of the slides: one heading a slide, the points as list items in the brief's order, top to bottom", async () => {
    const { expected } = await shippedDecks()
    const outlines = await openView(browser(), `${server().url}/1`, { viewport: LAPTOP }, async (page) => {
      const { slides } = await currentSlide(page, 120_000)
      const seen: SlideOutline[] = []
      for (let no = 1; no <= slides; no++) {
        // Every click shown: a screen reader reads the slide's whole text.
        const { clicksTotal } = await goTo(page, { no, clicks: 0 }, 120_000)
        await goTo(page, { no, clicks: clicksTotal }, 120_000)
        seen.push(await page.evaluate(outlineOf, no))
      }
      return seen
    })
    expect(outlines.length).toBeGreaterThan(2)
    for (const [i, outline] of outlines.entries()) expect(outline.headings, `slide ${i + 1}'s headings`).toHaveLength(1)
    // The title slide's heading is the deck's title; each section's heading leads its slide.
    expect(outlines[0]!.headings[0]).toContain(expected.title.en)
    const sectionHeadings = outlines.flatMap((outline) => outline.headings).filter((heading) => expected.sections.some((section) => heading.includes(section.heading.en)))
    expect(sectionHeadings).toHaveLength(expected.sections.length)

    const items = outlines.flatMap((outline) => outline.items)
    expect(items.map(({ en, zh }) => ({ en, zh }))).toEqual(expected.sections.flatMap((section) => section.points.map((point) => ({ en: point.headline.en, zh: point.headline['zh-Hant'] }))))
    expect(items.every((item) => item.inList)).toBe(true)
    for (const outline of outlines) {
      const tops = outline.items.map((item) => item.top)
      expect(tops, 'list items in reading order are top to bottom on the slide').toEqual([...tops].sort((a, b) => a - b))
    }
  }, 300_000)

  it("the site's index: no serious or critical WCAG 2.2 A/AA violation", async () => {
    const facts: BriefingFacts = { titles: [{ lang: 'zh-Hant', text: '政權安全至上' }, { lang: 'en', text: 'Regime security first' }], date: '2026-12-01', slides: 4, seconds: [90, 80, 170] }
    const briefing: SiteBriefing = {
      name: 'regime-security',
      decks: ['zh-Hant', 'en', 'bilingual'].map((name) => ({ deck: { name, title: facts.titles }, folder: `regime-security/${name}` })),
      facts,
      downloads: { folder: 'regime-security/downloads', formats: ['pdf', 'handout', 'pptx', 'html'] },
    }
    // The index as the site writes it (scripts/site/build-site.ts), its fonts aside; with the presenter links.
    const html = renderSiteIndex([briefing], { public: false })
    for (const options of [{ viewport: LAPTOP }, PHONE]) {
      const context = await browser().newContext(options)
      try {
        const page = await context.newPage()
        await page.setContent(html, { waitUntil: 'load' })
        expect(await seriousViolations(page), `${options.viewport!.width}×${options.viewport!.height}`).toEqual([])
      } finally {
        await context.close()
      }
    }
  }, 120_000)
})

describe('the dark-room scheme: the audience view of npm start -- --scheme dark', () => {
  const browser = useBrowser()
  // `npm start` as a presenter runs it, on a copy of the shipped brief (its decks go to this port's folder).
  let url = ''
  let stopStart: (() => Promise<number>) | undefined
  beforeAll(async () => {
    const dir = path.join(TMP, 'dark-scheme')
    await rm(dir, { recursive: true, force: true })
    await mkdir(dir, { recursive: true })
    const brief = path.join(dir, 'brief.txt')
    await writeFile(brief, await readFile(DEFAULT_BRIEF))
    const port = await freePort()
    const started = presenting((output, stopped) => main(['--brief', brief, '--scheme', 'dark', '--port', String(port)], output, () => stopped))
    stopStart = () => (started.stop(), started.exit)
    await started.started
    url = `http://localhost:${port}`
  }, 300_000)
  afterAll(async () => {
    expect(await stopStart?.()).toBe(0)
  })
  const server = () => ({ url })

  it('every slide: a dark ground, every text on it at 4.5:1 or more, measured as drawn; no serious or critical WCAG 2.2 A/AA violation', async () => {
    for (const viewport of [PROJECTOR, LAPTOP]) {
      const where = `${viewport.width}×${viewport.height}`
      const found = await openView(browser(), `${server().url}/1`, { viewport }, async (page) => {
        const { slides } = await currentSlide(page, 120_000)
        for (let no = 1; no <= slides; no++) {
          const { clicksTotal } = await goTo(page, { no, clicks: 0 }, 120_000)
          await goTo(page, { no, clicks: clicksTotal }, 120_000)
          await shown(page)
          const measured = await page.evaluate(slideContrasts, no)
          expect(measured.ground, `${where}, slide ${no}: the ground is dark`).toBeLessThan(0.02)
          expect(measured.texts.length, `${where}, slide ${no}`).toBeGreaterThan(0)
          // 4.5:1 for every text, large or not (the large text's 3:1 would be a lower bar).
          expect(measured.texts.filter((text) => text.ratio < 4.5), `${where}, slide ${no}`).toEqual([])
        }
        return violationsOnEverySlide(page, `dark audience ${where}`)
      })
      expect(found).toEqual([])
      const controls = await openView(browser(), `${server().url}/2`, { viewport }, (page) => page.evaluate(controlsOutsideSlide))
      expect(controls, where).toEqual([])
    }
  }, 600_000)
})
