/**
 * Which requests Slidev's dev server may answer while a deck is presented.
 * Slidev accepts writes from anyone (deck files via `/__slidev/slides/N.json`,
 * the presenter/audience sync via `/@server-reactive/*`, an MCP editor at
 * `/__mcp`), whatever the origin and content type. The rule, checked before
 * any of Slidev's own middleware:
 *
 * - reading (GET, HEAD, OPTIONS) is allowed to the server's own pages and to
 *   top-level navigation, never to another site's page (`Sec-Fetch-Site`);
 * - the only write is the sync state, and only from a page of this server
 *   (`Origin` equal to the server's own, which every browser sends with a POST);
 * - every other write, the MCP endpoint and "open in editor" are refused.
 *
 * Pure: tests feed it plain objects.
 */

export interface RequestFacts {
  method: string
  url: string
  /** Lower-case header names, as Node gives them. */
  headers: Record<string, string | string[] | undefined>
}

export type Verdict = { allowed: true } | { allowed: false; status: 403 | 405; reason: string }

const READS = new Set(['GET', 'HEAD', 'OPTIONS'])
/** `vite-plugin-vue-server-ref`'s prefixes: Slidev's shared nav, drawings and snapshots. */
const SYNC_STATE = /^\/@server-(?:reactive|ref)\//
/** Endpoints that edit or act on this machine, refused whatever the method. */
const NEVER = /^\/(?:__mcp|__open-in-editor)(?:\/|$)/
const LOOPBACK_HOST = /^(?:localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])(?::\d+)?$/

const ALLOWED: Verdict = { allowed: true }

function header(facts: RequestFacts, name: string): string | undefined {
  const value = facts.headers[name]
  return Array.isArray(value) ? value[0] : value
}

/** A page of this very server: same scheme, host and port as the request was sent to. */
function fromOwnOrigin(facts: RequestFacts): boolean {
  const host = header(facts, 'host')
  const origin = header(facts, 'origin')
  const site = header(facts, 'sec-fetch-site')
  if (!host || !LOOPBACK_HOST.test(host)) return false
  if (site !== undefined && site !== 'same-origin') return false
  return origin === `http://${host}`
}

export function judgeRequest(facts: RequestFacts): Verdict {
  const path = facts.url.split('?')[0] ?? ''
  if (NEVER.test(path)) return { allowed: false, status: 403, reason: 'briefdeck presents read-only: this endpoint is off' }
  if (READS.has(facts.method.toUpperCase())) {
    const site = header(facts, 'sec-fetch-site')
    const navigation = header(facts, 'sec-fetch-mode') === 'navigate'
    // Absent: not a browser (a script on this machine, which could edit the files anyway).
    if (site === undefined || site === 'same-origin' || site === 'none' || navigation) return ALLOWED
    return { allowed: false, status: 403, reason: 'briefdeck answers only its own pages' }
  }
  if (SYNC_STATE.test(path) && facts.method.toUpperCase() === 'POST' && fromOwnOrigin(facts)) return ALLOWED
  return { allowed: false, status: 405, reason: 'briefdeck presents read-only: decks change only through `npm run build`' }
}
