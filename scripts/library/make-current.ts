/**
 * Making a briefing's decks current: read the brief and its extras, key them
 * with everything that shapes the decks, build, and write the three decks and
 * their stamp together — or nothing, when the decks already are what these
 * inputs give (see stamp.ts). Build, start, export and site all make decks
 * current through here; what to print about it is the commands' business
 * (scripts/cli/print-build.ts).
 */
import type { Scheme } from '../deck/scheme.ts'
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { decodeBrief } from '../brief/decode.ts'
import type { Lang, Position } from '../brief/model.ts'
import type { DeckContent } from '../deck/content.ts'
import { sectionSlides } from '../deck/fit.ts'
import { VARIANTS } from '../deck/variant.ts'
import type { Diagnostic } from '../diagnostic.ts'
import { displayPath } from '../io/display-path.ts'
import { UserError } from '../io/user-error.ts'
import { writeFilesTogether } from '../io/write-files.ts'
import { cliMessages, messages } from '../messages.ts'
import { buildDecks } from '../pipeline.ts'
import { OTHER_BRIEF_DECKS, addonPathFor, decksDirFor, existingExtras, projectRelative } from '../project.ts'
import type { OverSlot } from '../timing/over-slot.ts'
import { generatorKey } from './generator-key.ts'
import { briefingOf } from './list-briefs.ts'
import { STAMP, inputKey, isCurrent, stampText } from './stamp.ts'

export interface BuildOptions {
  brief: string
  out: string
  keepPunctuation: boolean
  /** Notes in this language in every deck (a presenter who reads the other language). */
  notes?: Lang | undefined
  hideSource?: boolean
  /** Also draft the brief's extras file from the derived headlines, unless it exists. */
  writeExtras?: boolean
  /** The briefing's slot in minutes (`--minutes`), over the extras' `minutes:`. */
  minutes?: number | undefined
  /** `--scheme`: the slides' colours; light when left out. */
  scheme?: Scheme | undefined
}

/** What became of one brief, for the command to report: the deck files and the brief as the user names them. */
export type Made = { decks: string[]; source: string } & (
  | { outcome: 'current' }
  /** `file`: the file the refusal names (the brief, or its extras when those cannot be read). */
  | { outcome: 'refused'; diagnostics: Diagnostic[]; file: string }
  | {
      outcome: 'built'
      content: DeckContent
      slides: number
      /** Slides estimated to need type below the readable size. */
      warnings: Diagnostic[]
      overSlot: OverSlot | undefined
      /** Where punctuation was shown full width, in the brief. */
      normalized: Position[]
      /** Derived headlines that are not their whole bullet. */
      shortened: number
      /** With `writeExtras`: the extras file to write, and what changed in it. */
      extrasDraft?: { text: string; changes: string[] }
    }
)

export type Outcome = Made['outcome']

const DECK_FILES = VARIANTS.map((variant) => `${variant}.md`)

/**
 * Where a brief's decks go by default: `slides/NAME/` for `content/NAME.txt`;
 * for a brief anywhere else, a folder of its own under .tmp/briefs, named
 * after its file and told apart by its full path (two `notes.txt` never share).
 */
export function decksFolderOf(brief: string): string {
  const briefing = briefingOf(brief)
  if (briefing) return decksDirFor(briefing.name)
  const { name } = path.parse(brief)
  const tag = createHash('sha256').update(path.resolve(brief)).digest('hex').slice(0, 10)
  return path.join(OTHER_BRIEF_DECKS, `${name.replace(/[^A-Za-z0-9-]+/g, '-').slice(0, 40)}-${tag}`)
}

/**
 * One brief (and extras) in, three decks out, unless the decks already are
 * what these inputs give: then nothing is written. Throws a UserError when
 * the brief cannot be read or the decks cannot be written.
 */
export async function makeCurrent(options: BuildOptions): Promise<Made> {
  const briefFile = displayPath(options.brief)
  const decks = DECK_FILES.map((name) => displayPath(path.join(options.out, name)))
  const made = { decks, source: briefFile }
  let briefBytes: Uint8Array
  try {
    briefBytes = await readFile(options.brief)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new UserError(cliMessages.briefMissing(briefFile))
    const message = messages.briefUnreadable(String(code ?? error))
    throw new UserError(`${briefFile}: ${message.reason}. ${message.hint}`)
  }
  const extras = await readExtras(options.brief)
  if (extras && 'problem' in extras) return { ...made, outcome: 'refused', diagnostics: [extras.problem], file: extras.problem.file }

  const settings = {
    source: projectRelative(options.brief),
    addonPath: addonPathFor(options.out),
    normalizePunctuation: !options.keepPunctuation,
    notes: options.notes,
    sourceReference: !options.hideSource,
    minutes: options.minutes,
    // Left out (undefined) for light: the key of decks built before schemes existed stays the same.
    scheme: options.scheme,
  }
  const key = inputKey({ brief: briefBytes, extras: extras?.text, settings, generator: generatorKey() })
  // Drafting the extras needs the content: it builds even when current.
  if (!options.writeExtras && (await isCurrent(options.out, key, DECK_FILES))) return { ...made, outcome: 'current' }

  const result = buildDecks({ briefFile, briefBytes, ...(extras ? { extras } : {}), ...settings, redraftExtras: options.writeExtras ?? false })
  if (!result.ok) {
    // Problems all in the extras file (stale or unsourced lines): the refusal names that file.
    const files = new Set(result.diagnostics.map((d) => d.file))
    return { ...made, outcome: 'refused', diagnostics: result.diagnostics, file: files.size === 1 ? [...files][0]! : briefFile }
  }
  const files = Object.fromEntries(Object.entries(result.decks).map(([variant, text]) => [`${variant}.md`, text]))
  // Only what differs is written: a deck already as built keeps its file (and Slidev's watcher stays quiet).
  const changed: Record<string, string> = {}
  for (const [name, text] of Object.entries(files)) {
    const old = await readFile(path.join(options.out, name), 'utf8').catch(() => undefined)
    if (old !== text) changed[name] = text
  }
  try {
    await writeFilesTogether(options.out, { ...changed, [STAMP]: stampText(key, files) })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error)
    throw new UserError(cliMessages.writeFailed(displayPath(options.out), code), 1)
  }
  return {
    ...made,
    outcome: 'built',
    content: result.content,
    slides: sectionSlides(result.content, result.layout.parts).length + 2,
    warnings: result.warnings,
    overSlot: result.overSlot,
    normalized: result.normalized,
    shortened: result.shortened,
    ...(result.extrasDraft ? { extrasDraft: result.extrasDraft } : {}),
  }
}

/**
 * The extras beside the brief, if any, as text; or the one problem that stops
 * the build (unreadable, or not UTF-8 — the brief's own rules), at its place.
 */
async function readExtras(brief: string): Promise<{ file: string; text: string } | { problem: Diagnostic } | undefined> {
  const extrasPath = existingExtras(brief)
  if (!extrasPath) return undefined
  const file = displayPath(extrasPath)
  let bytes: Uint8Array
  try {
    bytes = await readFile(extrasPath)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error)
    return { problem: { file, position: { line: 1, column: 1 }, severity: 'error', ...messages.extrasUnreadable(code) } }
  }
  const decoded = decodeBrief(bytes)
  if (!decoded.ok) {
    const message = messages.notUtf8(decoded.byte)
    return { problem: { file, position: decoded.position, severity: 'error', ...message, hint: messages.extrasNotUtf8Hint() } }
  }
  return { file, text: decoded.text }
}
