import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Variant } from '../deck/variant.ts'
import { exportMessages } from '../messages.ts'
import { DEFAULT_BRIEF, DEFAULT_DECKS, PROJECT_ROOT } from '../project.ts'
import { runBuild, type Output } from './build.ts'
import { displayPath } from './display-path.ts'
import { UserError } from './user-error.ts'

/** Where the decks of `npm run export` and `npm run site` come from. */
export type DeckSource =
  /** Build them from a brief first: the shipped one into slides/, another into a scratch folder. */
  | { brief: string; shipped: boolean }
  /** Decks already built (`--decks DIR`), taken as they are. */
  | { decksDir: string }

/** Decks built from a brief other than the shipped one: slides/ keeps the shipped decks. Ignored by git. */
export const BRIEF_DECKS = path.join(PROJECT_ROOT, '.tmp', 'brief-decks')

/** Reads `--brief` and `--decks` (at most one of them). */
export function parseDeckSource(brief: string | undefined, decks: string | undefined, command: string): DeckSource {
  if (brief !== undefined && decks !== undefined) throw new UserError(exportMessages.briefOrDecks(command))
  if (decks !== undefined) return { decksDir: path.resolve(decks) }
  return brief === undefined ? { brief: DEFAULT_BRIEF, shipped: true } : { brief: path.resolve(brief), shipped: false }
}

/**
 * The deck files to export: built from the brief now (so every output shows
 * what the brief says now), or the ones in `--decks`. Returns the exit code
 * of a build that refused the brief instead.
 */
export async function resolveDecks(source: DeckSource, decks: Variant[], output: Output): Promise<string[] | number> {
  let dir: string
  if ('decksDir' in source) {
    dir = source.decksDir
  } else {
    dir = source.shipped ? DEFAULT_DECKS : path.join(BRIEF_DECKS, path.parse(source.brief).name)
    const code = await runBuild({ brief: source.brief, out: dir, keepPunctuation: false }, output)
    if (code !== 0) return code
  }
  const files = decks.map((deck) => path.join(dir, `${deck}.md`))
  for (const file of files) if (!existsSync(file)) throw new UserError(exportMessages.deckMissing(displayPath(file), '--decks'))
  return files
}
