/**
 * Runs in a page before its scripts (`page.addInitScript(countOverlappingSends, PATH)`):
 * counts the POSTs to an address ending in PATH sent while an earlier one was
 * still unanswered; `overlappingSends(page)` reads the count. Two requests sent
 * at once can reach the server in either order, and a server that keeps the
 * last one it received then keeps the older.
 */
import type { Page } from 'playwright-chromium'

export function countOverlappingSends(path: string): void {
  const realFetch = window.fetch
  let unanswered = 0
  const counted = window as unknown as { overlappingSends: number }
  counted.overlappingSends = 0
  window.fetch = (input, init) => {
    if (init?.method !== 'POST' || !String(input).endsWith(path)) return realFetch(input, init)
    if (unanswered > 0) counted.overlappingSends++
    unanswered++
    return realFetch(input, init).finally(() => unanswered--)
  }
}

export function overlappingSends(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { overlappingSends: number }).overlappingSends)
}
