import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Variant } from '../deck/variant.ts'
import { readLibrary } from '../library/list-briefs.ts'
import { cliMessages, exportMessages, libraryMessages } from '../messages.ts'
import type { Scheme } from '../deck/scheme.ts'
import { schemeOption } from './parse-options.ts'
import { DESK, decksDirFor, type Desk } from '../project.ts'
import type { Output } from '../io/output.ts'
import { decksFolderOf } from '../library/make-current.ts'
import { buildAndSay } from './print-build.ts'
import { chooseBriefings } from './choose-briefings.ts'
import { displayPath } from '../io/display-path.ts'
import { UserError } from '../io/user-error.ts'

/** Where the decks of `npm run export` and `npm run site` come from. */
export type DeckSource =
  /** Briefings of content/, by name (none named: the command's default), built first into slides/NAME/. */
  | { names: string[]; desk?: Desk; scheme?: Scheme | undefined }
  /** A brief file (`--brief FILE`), built first into a folder of its own. */
  | { brief: string; shipped: false; scheme?: Scheme | undefined }
  /** Decks already built (`--decks DIR`), taken as they are. */
  | { decksDir: string }

/** One briefing's decks, by the name the outputs go under. */
export interface DeckSet {
  name: string
  files: string[]
  /** From content/ (its outputs go to a folder of its name), or given by --brief or --decks. */
  fromLibrary: boolean
}

/** Reads the names, `--brief` and `--decks` (at most one kind of them). */
export function parseDeckSource(names: string[], brief: string | undefined, decks: string | undefined, command: string, scheme?: string): DeckSource {
  if (brief !== undefined && decks !== undefined) throw new UserError(exportMessages.briefOrDecks(command))
  if (names.length > 0 && (brief !== undefined || decks !== undefined)) throw new UserError(libraryMessages.namesAndBrief(`npm run ${command}`))
  if (decks !== undefined && scheme !== undefined) throw new UserError(cliMessages.schemeWithDecks(command))
  if (decks !== undefined) return { decksDir: path.resolve(decks) }
  // The scheme is built into the decks (their headmatter): every output made from them carries it.
  const colours = schemeOption(scheme, command)
  const withScheme = colours === undefined ? {} : { scheme: colours }
  return brief === undefined ? { names, ...withScheme } : { brief: path.resolve(brief), shipped: false, ...withScheme }
}

/**
 * The deck files to export, by briefing: built from their briefs now (so every
 * output shows what the brief says now; an unchanged brief's decks are current
 * and stay as they are), or the ones in `--decks`. With no briefing named,
 * `allByDefault` takes every briefing, else the only one. Returns the exit code
 * of a build that refused a brief instead.
 */
export async function resolveDeckSets(source: DeckSource, decks: Variant[], output: Output, command: string, allByDefault: boolean): Promise<DeckSet[] | number> {
  const sets: DeckSet[] = []
  if ('decksDir' in source) {
    sets.push({ name: path.basename(source.decksDir), files: filesIn(source.decksDir, decks), fromLibrary: false })
  } else if ('brief' in source) {
    const dir = decksFolderOf(source.brief)
    const code = await buildAndSay({ brief: source.brief, out: dir, keepPunctuation: false, scheme: source.scheme }, output)
    if (code !== 0) return code
    sets.push({ name: path.parse(source.brief).name, files: filesIn(dir, decks), fromLibrary: false })
  } else {
    const desk = source.desk ?? DESK
    for (const briefing of chooseBriefings(await readLibrary(desk.content), source.names, `npm run ${command}`, allByDefault)) {
      const dir = decksDirFor(briefing.name, desk)
      const code = await buildAndSay({ brief: briefing.brief, out: dir, keepPunctuation: false, scheme: source.scheme }, output)
      if (code !== 0) return code
      sets.push({ name: briefing.name, files: filesIn(dir, decks), fromLibrary: true })
    }
  }
  for (const file of sets.flatMap((set) => set.files)) if (!existsSync(file)) throw new UserError(exportMessages.deckMissing(displayPath(file), '--decks'))
  return sets
}

function filesIn(dir: string, decks: Variant[]): string[] {
  return decks.map((deck) => path.join(dir, `${deck}.md`))
}
