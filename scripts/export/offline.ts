import type { BrowserContext } from 'playwright-chromium'
import { PRINT_ORIGIN } from '../print/print-origin.ts'

/** What a print page may load: its own site (answered from memory) and the browser's own schemes. */
const OWN_SCHEMES = new Set(['data:', 'blob:', 'about:'])

export function isPrintSiteUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return OWN_SCHEMES.has(parsed.protocol) || parsed.origin === PRINT_ORIGIN
  } catch {
    return false
  }
}

/**
 * Keeps an export's browser context to its print site: every request for
 * anything else (another site, this machine's own servers) is refused before
 * it leaves, and remembered, so an export can report (and a test can assert)
 * that nothing tried. Not only off-machine addresses: a print page has no
 * reason to ask this machine for anything either, and Chromium would block
 * such a request itself (its local-network rules) where nothing could tell
 * it had been made.
 */
export async function keepToPrintSite(context: BrowserContext): Promise<string[]> {
  const refused: string[] = []
  await context.route(
    (url) => !isPrintSiteUrl(url.href),
    (route) => {
      refused.push(route.request().url())
      return route.abort('blockedbyclient')
    },
  )
  return refused
}
