import type { BrowserContext } from 'playwright-chromium'

/** Hosts an export may load from: the Slidev server and the browser's own schemes. */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'file:', 'about:'])

export function isLocalUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return LOCAL_SCHEMES.has(parsed.protocol) || LOCAL_HOSTS.has(parsed.hostname) || parsed.hostname.endsWith('.localhost')
  } catch {
    return false
  }
}

/**
 * Keeps a browser context on this machine: every request for anything but
 * localhost is refused before it leaves, and remembered, so an export can
 * report (and a test can assert) that nothing tried.
 */
export async function keepOffline(context: BrowserContext): Promise<string[]> {
  const refused: string[] = []
  await context.route(
    (url) => !isLocalUrl(url.href),
    (route) => {
      refused.push(route.request().url())
      return route.abort('blockedbyclient')
    },
  )
  return refused
}
