/**
 * Waiting until a Slidev page is ready for a key, read from Slidev's own
 * navigation state rather than from a guessed time.
 *
 * Slidev counts a slide's clicks when the slide's component is mounted (its
 * v-clicks register then): until that moment the slide has no clicks, and
 * ArrowRight goes straight to the next slide. So no test presses a key before
 * `slideReady` says the route, the slide and its clicks are there.
 */
import type { Page } from 'playwright-chromium'

/** Where a page is, as Slidev's navigation state has it once the slide is mounted. */
export interface SlidePlace {
  no: number
  clicks: number
  /** The slide's clicks, as its mounted v-clicks registered them. */
  clicksTotal: number
  /** How many slides the deck has. */
  slides: number
}

export interface Position {
  no: number
  clicks: number
}

/**
 * Runs in the page: the state of the app's Slidev context (provided on the Vue
 * app in dev servers and static builds alike; dev servers also expose it as
 * `window.__slidev__`), or null while the current slide is not mounted, or is
 * not at `want` when that is given.
 */
function readPlace(want: Position | null): SlidePlace | null {
  interface Nav {
    currentSlideNo: number
    clicks: number
    clicksTotal: number
    total: number
    clicksContext?: { isMounted?: boolean }
  }
  const app = (document.querySelector('#app') as (Element & { __vue_app__?: { _context: { provides: Record<string, unknown> } } }) | null)?.__vue_app__
  const context = (app?._context.provides['$$slidev-context'] ?? (window as { __slidev__?: unknown }).__slidev__) as { nav?: Nav } | undefined
  const nav = context?.nav
  if (!nav?.clicksContext?.isMounted) return null
  if (!document.querySelector(`.slidev-page-${nav.currentSlideNo}`)) return null
  if (want && (nav.currentSlideNo !== want.no || nav.clicks !== want.clicks)) return null
  return { no: nav.currentSlideNo, clicks: nav.clicks, clicksTotal: nav.clicksTotal, slides: nav.total }
}

/** Where the page is now, or null before its slide is mounted. */
export function placeOf(page: Page): Promise<SlidePlace | null> {
  return page.evaluate(readPlace, null)
}

/** Waits until the page's current slide, whichever it is, is mounted with its clicks; returns where it is. */
export async function currentSlide(page: Page, timeout = 60_000): Promise<SlidePlace> {
  const handle = await page.waitForFunction(readPlace, null, { timeout, polling: 50 })
  return (await handle.jsonValue()) as SlidePlace
}

/** Waits until the page shows slide `at.no` at click `at.clicks` (0 if left out), mounted with its clicks. */
export async function slideReady(page: Page, at: { no: number; clicks?: number }, timeout = 60_000): Promise<SlidePlace> {
  const want: Position = { no: at.no, clicks: at.clicks ?? 0 }
  const handle = await page
    .waitForFunction(readPlace, want, { timeout, polling: 50 })
    .catch(async (error: unknown) => {
      throw new Error(`not at ${describe(want)} within ${timeout} ms; at ${await placeOf(page).then(describePlace, () => 'an unreadable place')}`, { cause: error })
    })
  return (await handle.jsonValue()) as SlidePlace
}

/**
 * Moves the page to `to` by Slidev's own navigation (its router, no reload) once the page is
 * ready, and waits until it is there. For tests whose subject is a slide and not the way to it:
 * a page load from a dev server costs seconds of its modules.
 */
export async function goTo(page: Page, to: Position, timeout = 60_000): Promise<SlidePlace> {
  await currentSlide(page, timeout)
  await page.evaluate(({ no, clicks }) => {
    type Go = (no: number, clicks: number) => Promise<void>
    const app = (document.querySelector('#app') as (Element & { __vue_app__?: { _context: { provides: Record<string, unknown> } } }) | null)?.__vue_app__
    const context = app?._context.provides['$$slidev-context'] as { nav?: { go?: Go } } | undefined
    const go = context?.nav?.go
    if (!go) throw new Error('the page has no Slidev navigation')
    return go(no, clicks)
  }, to)
  return slideReady(page, to, timeout)
}

/** Where ArrowRight leads from `place`, by Slidev's rule (the next click, else the next slide); null on the last. */
export function nextPosition(place: SlidePlace): Position | null {
  if (place.clicks < place.clicksTotal) return { no: place.no, clicks: place.clicks + 1 }
  if (place.no < place.slides) return { no: place.no + 1, clicks: 0 }
  return null
}

/**
 * Presses `key` once the page is ready at `from`, and waits until it shows `to`.
 * Pressed a second time only if the page reloaded in between (Vite reloads a
 * page when it first meets a dependency, and the key is lost with it): a key
 * that the deck itself ignored or misrouted still fails.
 */
export async function pressFrom(page: Page, key: string, from: Position, to: Position, timeout = 60_000): Promise<SlidePlace> {
  await slideReady(page, from, timeout)
  const loadedAt = await page.evaluate(() => performance.timeOrigin)
  await tap(page, key)
  try {
    return await slideReady(page, to, timeout)
  } catch (error) {
    const reloaded = await page.evaluate(() => performance.timeOrigin).then((now) => now !== loadedAt, () => true)
    if (!reloaded) throw error
    await slideReady(page, from, timeout)
    await tap(page, key)
    return slideReady(page, to, timeout)
  }
}

/**
 * A key pressed and released within one task of the page. Slidev repeats a held arrow key
 * by a timer of its own (a second after the key went down: `autoRepeat`), and a page short of
 * CPU was seen to handle Playwright's key-up after that timer, so that one press moved two
 * clicks. Dispatched together, to the focused element as a real key is, the key is never held.
 */
async function tap(page: Page, key: string): Promise<void> {
  await page.evaluate((key) => {
    const target = document.activeElement ?? document.body
    for (const type of ['keydown', 'keyup']) target.dispatchEvent(new KeyboardEvent(type, { key, bubbles: true, cancelable: true }))
  }, key)
}

function describe(position: Position): string {
  return `slide ${position.no}, click ${position.clicks}`
}

function describePlace(place: SlidePlace | null): string {
  return place ? `${describe(place)} of ${place.clicksTotal}` : 'no mounted slide'
}
