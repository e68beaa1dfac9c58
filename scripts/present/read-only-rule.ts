/**
 * Which requests Slidev's dev server may answer while a deck is presented.
 * Slidev accepts writes from anyone (deck files via `/__slidev/slides/N.json`,
 * the presenter/audience sync via `/@server-reactive/*`, an MCP editor at
 * `/__mcp`), whatever the origin and content type. The rule, checked before
 * any of Slidev's own middleware:
 *
 * - only requests naming the server `localhost`, 127.x or [::1] (Host) are
 *   answered: other names of this machine (`0.0.0.0`, `[::ffff:127.0.0.1]`,
 *   a name DNS points here) are where browsers send no `Sec-Fetch-*`, so a
 *   page's request could not be told from a script's;
 * - reading (GET, HEAD, OPTIONS) is allowed to the server's own pages and to
 *   addresses typed or bookmarked (`Sec-Fetch-Site: none`), never to another
 *   site (by `Sec-Fetch-Site`, or an `Origin` not the server's: Vite's CORS
 *   would answer `*.localhost` pages), not even as a navigation: a page of
 *   another site could otherwise open the presenter view (which publishes its
 *   position as it loads);
 * - a refused request of another site gets no answer at all (the connection
 *   closes), so that a page cannot tell the port open from a closed one
 *   (`fetch(…, {mode: 'no-cors'})` resolves on any answer); only a navigation
 *   gets a refusal page, for the person who followed the link;
 * - the only write is the presenter/audience position (`/@server-reactive/nav`,
 *   JSON), and only from a page of this server (`Origin` equal to the server's
 *   own, which every browser sends with a POST);
 * - websocket upgrades only from the server's own pages (or from no page);
 * - every other write, the MCP endpoint and "open in editor" are refused,
 *   however their path is spelt (case, dots, percent-encoding).
 *
 * Pure: tests feed it plain objects.
 */
import { guardMessages } from '../messages.ts'

export interface RequestFacts {
  method: string
  url: string
  /** Lower-case header names, as Node gives them. */
  headers: Record<string, string | string[] | undefined>
}

export type Verdict =
  | { allowed: true }
  | {
      allowed: false
      status: 400 | 403 | 405 | 413 | 415
      reason: string
      /** Close the connection without an answer (a page of another site, not navigating). */
      silent?: true
    }

const READS = new Set(['GET', 'HEAD', 'OPTIONS'])
/** The one key of `vite-plugin-vue-server-ref` briefdeck needs: Slidev's shared nav (page, clicks, timer). */
export const SYNC_PATH = '/@server-reactive/nav'
/**
 * Endpoints that edit or act on this machine, refused whatever the method. A prefix, with no
 * boundary: connect mounts Vite's editor launcher on a prefix that also matches `.x` after it.
 */
const NEVER = /^\/+(?:__mcp|__open-in-editor)/
const LOOPBACK_HOST = /^(?:localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])(?::\d+)?$/
/** Keys that reach an object's prototype when a parsed body is merged into the server's state. */
const POISONED_KEYS = new Set(['__proto__', 'constructor', 'prototype'])
/** Slidev's nav state is a few hundred bytes; its timer adds one entry a slide. */
export const MAX_SYNC_BODY = 64 * 1024

/** Security headers for every response of the dev server. */
export const PAGE_HEADERS: Record<string, string> = {
  // No other site may frame the views (clickjacking the presenter's controls)...
  'Content-Security-Policy': "frame-ancestors 'self'",
  'X-Frame-Options': 'SAMEORIGIN',
  // ...nor keep a handle on a window it opened or that opened it (postMessage to the views).
  // No Cross-Origin-Resource-Policy: other sites' reads are refused above already, and with it
  // their no-cors requests would fail in the browser, hiding from tests/present/read-only.test.ts
  // whether its attack was sent at all.
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
}

const ALLOWED: Verdict = { allowed: true }

function header(facts: RequestFacts, name: string): string | undefined {
  const value = facts.headers[name]
  return Array.isArray(value) ? value[0] : value
}

/**
 * The path as a handler may read it: without query, percent-decoded (until
 * stable), lower case. Undefined when it cannot be decoded.
 */
export function normalPath(url: string): string | undefined {
  let path = url.split(/[?#]/)[0] ?? ''
  for (let i = 0; i < 4; i++) {
    let decoded: string
    try {
      decoded = decodeURIComponent(path)
    } catch {
      return undefined
    }
    if (decoded === path) return path.replaceAll('\\', '/').toLowerCase()
    path = decoded
  }
  return undefined
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

/** A request a page of another site sent: by the browser's word (`Sec-Fetch-Site`), or by an Origin not the server's. */
function fromAnotherSite(facts: RequestFacts): boolean {
  const site = header(facts, 'sec-fetch-site')
  const origin = header(facts, 'origin')
  return (site !== undefined && site !== 'same-origin' && site !== 'none') || (origin !== undefined && origin !== `http://${header(facts, 'host')}`)
}

export function judgeRequest(facts: RequestFacts): Verdict {
  const host = header(facts, 'host')
  if (!host || !LOOPBACK_HOST.test(host)) return { allowed: false, status: 403, reason: guardMessages.unknownHost(), silent: true }
  const verdict = judgeLocalRequest(facts)
  if (verdict.allowed || !fromAnotherSite(facts) || header(facts, 'sec-fetch-mode') === 'navigate') return verdict
  return { ...verdict, silent: true }
}

/** The rule for a request that names the server by a loopback name. */
function judgeLocalRequest(facts: RequestFacts): Verdict {
  const path = normalPath(facts.url)
  if (path === undefined) return { allowed: false, status: 400, reason: guardMessages.badPath() }
  if (NEVER.test(path)) return { allowed: false, status: 403, reason: guardMessages.endpointOff() }
  const method = facts.method.toUpperCase()
  if (READS.has(method)) {
    // Neither header: not a browser (a script on this machine, which could edit the files anyway).
    if (!fromAnotherSite(facts)) return ALLOWED
    if (header(facts, 'sec-fetch-mode') === 'navigate') return { allowed: false, status: 403, reason: guardMessages.openedByAnotherSite() }
    return { allowed: false, status: 403, reason: guardMessages.otherSite() }
  }
  if (method === 'POST' && facts.url === SYNC_PATH && fromOwnOrigin(facts)) {
    const type = header(facts, 'content-type')?.split(';')[0]?.trim().toLowerCase()
    if (type !== 'application/json') return { allowed: false, status: 415, reason: guardMessages.notJson() }
    const length = Number(header(facts, 'content-length') ?? 0)
    if (length > MAX_SYNC_BODY) return { allowed: false, status: 413, reason: guardMessages.tooLarge() }
    return ALLOWED
  }
  return { allowed: false, status: 405, reason: guardMessages.readOnly() }
}

/** A websocket upgrade (Vite's hot reload, which also carries the sync): only from this server's own pages. */
export function judgeUpgrade(facts: RequestFacts): Verdict {
  const host = header(facts, 'host')
  if (!host || !LOOPBACK_HOST.test(host)) return { allowed: false, status: 403, reason: guardMessages.unknownHost(), silent: true }
  const path = normalPath(facts.url)
  if (path === undefined) return { allowed: false, status: 400, reason: guardMessages.badPath() }
  // No Origin: not a page (browsers send one with every websocket).
  if (header(facts, 'origin') === undefined && header(facts, 'sec-fetch-site') === undefined) return ALLOWED
  if (fromOwnOrigin(facts)) return ALLOWED
  return { allowed: false, status: 403, reason: guardMessages.otherSite() }
}

/** The body of a sync POST: one JSON object, no key that reaches a prototype at any depth. */
export function judgeSyncBody(text: string): Verdict {
  let poisoned = false
  let value: unknown
  try {
    value = JSON.parse(text, (key, inner: unknown) => {
      if (POISONED_KEYS.has(key)) poisoned = true
      return inner
    })
  } catch {
    return { allowed: false, status: 400, reason: guardMessages.notJson() }
  }
  if (poisoned) return { allowed: false, status: 400, reason: guardMessages.poisonedKey() }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { allowed: false, status: 400, reason: guardMessages.notJson() }
  return ALLOWED
}
