/**
 * A stylesheet's `@font-face` rules cut to those a page can use. The decks'
 * fonts come as subsets, each with the `unicode-range` it covers (Noto Sans TC
 * alone has some 200 rules); Chromium parses every rule of a page's stylesheet,
 * while a briefing's text needs a few dozen. A rule whose range holds none of
 * the page's characters is dropped; a rule with no range, or one this cannot
 * read, stays.
 */

/** `@font-face { … }`: its declarations hold no braces. */
const FONT_FACE = /@font-face\s*\{[^}]*\}/g
const UNICODE_RANGE = /unicode-range\s*:\s*([^;}]+)/i
/** `U+4E00`, `U+4E00-9FFF`, `U+4??` (a wildcard for the last digits). */
const RANGE = /^U\+([0-9A-F?]{1,6})(?:-([0-9A-F]{1,6}))?$/i

/** Printable ASCII: markup escapes these (`&lt;`…), and CSS draws counters and attributes with them. */
const ASCII = Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i)

export function fontFacesFor(css: string, text: string): string {
  const points = [...new Set([...ASCII, ...[...text].map((char) => char.codePointAt(0)!)])].sort((a, b) => a - b)
  return css.replace(FONT_FACE, (rule) => {
    const declared = UNICODE_RANGE.exec(rule)?.[1]
    const ranges = declared === undefined ? undefined : parseRanges(declared)
    return !ranges || ranges.some(([low, high]) => holdsPointIn(points, low, high)) ? rule : ''
  })
}

/** The ranges of a `unicode-range` value, or undefined when one of them cannot be read. */
export function parseRanges(value: string): [number, number][] | undefined {
  const ranges: [number, number][] = []
  for (const part of value.split(',')) {
    const match = RANGE.exec(part.trim())
    if (!match) return undefined
    const [, start = '', end] = match
    if (start.includes('?') && end !== undefined) return undefined
    ranges.push([parseInt(start.replace(/\?/g, '0'), 16), parseInt(end ?? start.replace(/\?/g, 'F'), 16)])
  }
  return ranges
}

/** Whether sorted `points` hold one in [low, high]. */
function holdsPointIn(points: number[], low: number, high: number): boolean {
  const at = firstAtLeast(points, low)
  return at < points.length && points[at]! <= high
}

/**
 * The sorted `points` that fall in any of `ranges`, each once and in order.
 * A binary search per range, not a test of every point against every range:
 * a deck's script holds thousands of characters, its stylesheet hundreds of
 * ranged rules (scripts/export/one-file.ts).
 */
export function pointsIn(points: number[], ranges: [number, number][]): number[] {
  const found = new Set<number>()
  for (const [low, high] of ranges) {
    for (let at = firstAtLeast(points, low); at < points.length && points[at]! <= high; at++) found.add(points[at]!)
  }
  return [...found].sort((a, b) => a - b)
}

/** The index of the first of sorted `points` not below `low` (their length if none). */
function firstAtLeast(points: number[], low: number): number {
  let lo = 0
  let hi = points.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (points[mid]! < low) lo = mid + 1
    else hi = mid
  }
  return lo
}
