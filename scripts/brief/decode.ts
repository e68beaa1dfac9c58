import type { Position } from './model.ts'

/** Text of a file, or the place of the first byte that is not UTF-8. */
export type Decoded =
  | { ok: true; text: string }
  | { ok: false; byte: number; position: Position }

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

/**
 * Decodes a brief's bytes as UTF-8, dropping a byte-order mark. TextDecoder
 * alone says only *that* the bytes are wrong; the user needs to know *where*.
 */
export function decodeBrief(bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: decoder.decode(bytes) }
  } catch {
    const index = findInvalidUtf8(bytes)
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, index))
    const lines = before.split(/\r\n|\r|\n/)
    const last = lines[lines.length - 1] ?? ''
    return { ok: false, byte: bytes[index] ?? 0, position: { line: lines.length, column: last.length + 1 } }
  }
}

/** Index of the first byte that breaks UTF-8's rules (RFC 3629), or `bytes.length`. */
export function findInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0
    const [length, min, max] = utf8Sequence(lead)
    if (length === 0) return i
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k]
      // The first continuation byte has a narrower range for some leads (no overlongs, no surrogates).
      const low = k === 1 ? min : 0x80
      const high = k === 1 ? max : 0xbf
      if (next === undefined || next < low || next > high) return i
    }
    i += length
  }
  return i
}

/** Sequence length and allowed range of the second byte for a lead byte; length 0 if invalid. */
function utf8Sequence(lead: number): [number, number, number] {
  if (lead <= 0x7f) return [1, 0, 0]
  if (lead >= 0xc2 && lead <= 0xdf) return [2, 0x80, 0xbf]
  if (lead === 0xe0) return [3, 0xa0, 0xbf]
  if (lead === 0xed) return [3, 0x80, 0x9f]
  if (lead >= 0xe1 && lead <= 0xef) return [3, 0x80, 0xbf]
  if (lead === 0xf0) return [4, 0x90, 0xbf]
  if (lead === 0xf4) return [4, 0x80, 0x8f]
  if (lead >= 0xf1 && lead <= 0xf3) return [4, 0x80, 0xbf]
  return [0, 0, 0]
}
