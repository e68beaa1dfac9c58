/**
 * The presenter's position as the room server relays it: slide and click,
 * and which page sent it (so that page ignores its own echo). Everything
 * else a request carries is dropped.
 */
export interface Position {
  page: number
  clicks: number
  /** A random id of the presenter page that moved; never a secret. */
  source: string
}

/** The languages the room's bilingual deck shows (setup/show-mode.ts), as the presenter chose them. */
export const SHOWN = ['both', 'zh-Hant', 'en'] as const
export interface Shown {
  show: (typeof SHOWN)[number]
  /** The presenter page that chose it (so that page ignores its own echo). */
  source: string
}

const MAX_PAGE = 10_000
const MAX_CLICKS = 1_000
const SOURCE = /^[A-Za-z0-9_-]{1,64}$/

function isCount(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
}

/** A request body's JSON object, or undefined for anything else. */
function jsonObject(body: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body)
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

/** The position in a request body, or undefined for anything that is not exactly one. */
export function parsePosition(body: string): Position | undefined {
  const value = jsonObject(body)
  if (value === undefined) return undefined
  const { page, clicks, source } = value
  if (!isCount(page, 1, MAX_PAGE) || !isCount(clicks, 0, MAX_CLICKS)) return undefined
  if (typeof source !== 'string' || !SOURCE.test(source)) return undefined
  return { page, clicks, source }
}

/** The languages chosen in a request body (`{"show": "zh-Hant", "source": ID}`), or undefined for anything else. */
export function parseShown(body: string): Shown | undefined {
  const value = jsonObject(body)
  if (value === undefined) return undefined
  const { show, source } = value
  if (typeof show !== 'string' || !(SHOWN as readonly string[]).includes(show)) return undefined
  if (typeof source !== 'string' || !SOURCE.test(source)) return undefined
  return { show: show as Shown['show'], source }
}

export function samePlace(a: Position, b: Position): boolean {
  return a.page === b.page && a.clicks === b.clicks
}
