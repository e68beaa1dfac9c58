import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'

/**
 * Beside the decks, the build leaves a stamp: the key of the inputs they were
 * built from, and a hash of each deck as written. The decks are current when
 * the key is the same and every deck is still as written (none deleted or
 * edited by hand). Ignored by git: a fresh clone rebuilds, writing only the
 * stamp when the decks are as they would be built.
 */
export const STAMP = '.briefdeck-built'

export interface StampInputs {
  brief: Uint8Array
  extras: string | undefined
  /** Everything else that shapes the decks: options, the paths they name. */
  settings: unknown
  /** See generator-key.ts. */
  generator: string
}

export function inputKey(inputs: StampInputs): string {
  return createHash('sha256')
    .update(JSON.stringify({ settings: inputs.settings, generator: inputs.generator, extras: inputs.extras ?? null }))
    .update('\0')
    .update(inputs.brief)
    .digest('hex')
}

const digest = (bytes: string | Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** The stamp's text for decks written from inputs of `key`. */
export function stampText(key: string, decks: Record<string, string>): string {
  const hashes = Object.fromEntries(Object.entries(decks).map(([name, text]) => [name, digest(text)]))
  return `${JSON.stringify({ note: 'Written by npm run build: what these decks were built from.', key, decks: hashes }, null, 2)}\n`
}

/** True when the decks in `dir` were built from inputs of `key` and are unchanged since. */
export async function isCurrent(dir: string, key: string, deckNames: string[]): Promise<boolean> {
  const stamp = await readStamp(dir)
  if (!stamp || stamp.key !== key || !stamp.decks) return false
  for (const name of deckNames) {
    const bytes = await readFile(path.join(dir, name)).catch(() => undefined)
    if (!bytes || stamp.decks[name] !== digest(bytes)) return false
  }
  return true
}

async function readStamp(dir: string): Promise<{ key?: unknown; decks?: Record<string, unknown> } | undefined> {
  try {
    return JSON.parse(await readFile(path.join(dir, STAMP), 'utf8'))
  } catch {
    // None yet, or not ours: the decks are built again.
    return undefined
  }
}
