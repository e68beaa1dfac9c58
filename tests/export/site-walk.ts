import type { Page } from 'playwright-chromium'
import type { Traffic } from '../browser/traffic.ts'
import { currentSlide, nextPosition, pressFrom } from '../support/slide-ready.ts'
import { squash } from './read-pdf.ts'

/** More slides than any deck has: a walk that does not end is a bug, not a long deck. */
const MAX_STEPS = 200

/** A slide as the walk saw it. */
export interface WalkedSlide {
  /** The clicks Slidev registered for the slide (the walk follows them; the test compares them with the brief). */
  clicks: number
  /** The slide's visible text (whitespace removed) at each click, from 0 to its last. */
  seen: string[]
}

/**
 * Presses the right arrow, as a presenter does, from the page's current
 * slide to the last click of the last slide (Slidev's own state says where
 * that is); returns, for each slide, its clicks and the text a viewer sees
 * at each of them: text in the page but transparent (a point a click has not
 * revealed), hidden or of no size is not seen.
 */
export async function walkSlides(page: Page): Promise<Map<number, WalkedSlide>> {
  const walked = new Map<number, WalkedSlide>()
  let place = await currentSlide(page)
  for (let step = 0; step < MAX_STEPS; step++) {
    const current = page.locator(`.slidev-page-${place.no}`)
    await current.waitFor({ state: 'visible' })
    const slide = walked.get(place.no) ?? { clicks: place.clicksTotal, seen: [] }
    walked.set(place.no, slide)
    slide.seen[place.clicks] = squash(await visibleText(page, place.no))
    const next = nextPosition(place)
    if (!next) return walked
    place = await pressFrom(page, 'ArrowRight', place, next)
  }
  throw new Error(`still walking after ${MAX_STEPS} steps, at slide ${place.no}`)
}

/**
 * The text of slide `no` a viewer sees, once nothing on it is moving: each
 * text node whose element, and every element around it, is displayed, visible
 * and not transparent (`checkVisibility`), and that takes room on the page.
 * `innerText` would also give text at opacity 0, which is how Slidev hides a
 * point until its click.
 */
async function visibleText(page: Page, no: number): Promise<string> {
  // A click fades its point in (a CSS transition): read once every transition on the slide has ended.
  await page.waitForFunction((no) => {
    const root = document.querySelector(`.slidev-page-${no}`)
    return root !== null && root.getAnimations({ subtree: true }).every((animation) => animation.playState !== 'running')
  }, no)
  return page.evaluate((no) => {
    const root = document.querySelector(`.slidev-page-${no}`)
    if (!root) return ''
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    const range = document.createRange()
    let seen = ''
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement
      if (!element?.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true })) continue
      range.selectNodeContents(node)
      const box = range.getBoundingClientRect()
      if (box.width > 0 && box.height > 0) seen += node.textContent ?? ''
    }
    return seen
  }, no)
}

/**
 * Requests that left the site: anything but its own origin (the static
 * server), or the page's own `data:` and `blob:` URLs. Classified here, from
 * what Chromium reported, not by the code under test.
 */
export function offSite(traffic: Traffic, origin: string): string[] {
  return traffic.requests.filter((url) => {
    const { protocol } = new URL(url)
    return protocol !== 'data:' && protocol !== 'blob:' && new URL(url).origin !== origin
  })
}
