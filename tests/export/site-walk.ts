import type { Page } from 'playwright-chromium'
import type { Traffic } from '../browser/traffic.ts'
import { currentSlide, nextPosition, pressFrom } from '../support/slide-ready.ts'
import { squash } from './read-pdf.ts'

/** More slides than any deck has: a walk that does not end is a bug, not a long deck. */
const MAX_STEPS = 200

/**
 * Presses the right arrow, as a presenter does, from the page's current
 * slide to the last click of the last slide (Slidev's own state says where
 * that is); returns each slide's text (whitespace removed) after its last
 * click, when every point shows.
 */
export async function walkSlides(page: Page): Promise<Map<number, string>> {
  const shown = new Map<number, string>()
  let place = await currentSlide(page)
  for (let step = 0; step < MAX_STEPS; step++) {
    const current = page.locator(`.slidev-page-${place.no}`)
    await current.waitFor({ state: 'visible' })
    shown.set(place.no, squash(await current.innerText()))
    const next = nextPosition(place)
    if (!next) return shown
    place = await pressFrom(page, 'ArrowRight', place, next)
  }
  throw new Error(`still walking after ${MAX_STEPS} steps, at slide ${place.no}`)
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
