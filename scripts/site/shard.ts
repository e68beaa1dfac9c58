import { createHash } from 'node:crypto'

/** One share of a desk's briefings: shard `index` of `count`, both from 1 (`--shard 2/4`). */
export interface Shard {
  index: number
  count: number
}

/** Reads `K/N` (1 ≤ K ≤ N). */
export function parseShard(text: string): Shard | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim())
  if (!match) return undefined
  const index = Number(match[1])
  const count = Number(match[2])
  return index >= 1 && count >= 1 && index <= count && count <= 1000 ? { index, count } : undefined
}

/**
 * The shard a briefing belongs to among `count`: the first four bytes of the
 * SHA-256 of its name (UTF-8), read as a big-endian number, modulo `count`,
 * plus one. It depends on the name alone, never on which other briefings the
 * desk holds: adding or removing one moves no other between shards.
 */
export function shardOf(name: string, count: number): number {
  return (createHash('sha256').update(name, 'utf8').digest().readUInt32BE(0) % count) + 1
}
