import type { Page } from 'playwright-chromium'
import type { Traffic } from '../browser/traffic.ts'
import { squash } from './read-pdf.ts'

/** More slides than any deck has: a walk that does not end is a bug, not a long deck. */
const MAX_STEPS = 200

/**
 * Presses the right arrow, as a presenter does, from the page's current
 * slide until it stops moving; returns each slide's text (whitespace
 * removed) after its last click, when every point shows.
 */
export async function walkSlides(page: Page): Promise<Map<number, string>> {
  const shown = new Map<number, string>()
  for (let step = 0; step < MAX_STEPS; step++) {
    const url = page.url()
    const no = Number(/#\/(\d+)/.exec(url)?.[1])
    const current = page.locator(`.slidev-page-${no}`)
    await current.waitFor({ state: 'visible' })
    shown.set(no, squash(await current.innerText()))
    await page.keyboard.press('ArrowRight')
    const moved = await page.waitForFunction((before) => location.href !== before, url, { timeout: 3000 }).then(() => true, () => false)
    if (!moved) break
  }
  return shown
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
