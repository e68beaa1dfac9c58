import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { isLang, type Lang } from '../brief/model.ts'
import { formatDiagnostic, type Diagnostic } from '../diagnostic.ts'
import { writeFilesTogether } from '../io/write-files.ts'
import { cliMessages, libraryMessages, messages } from '../messages.ts'
import { buildDecks } from '../pipeline.ts'
import { parseMinutes } from '../timing/clock.ts'
import { DESK, OTHER_BRIEF_DECKS, type Desk, addonPathFor, decksDirFor, existingExtras, isInsideProject, projectRelative } from '../project.ts'
import { VARIANTS } from '../deck/variant.ts'
import { generatorKey } from '../library/generator-key.ts'
import { briefingOf, readLibrary } from '../library/list-briefs.ts'
import { STAMP, inputKey, isCurrent, stampText } from '../library/stamp.ts'
import { checkNames, chooseBriefings } from './choose-briefings.ts'
import { decodeBrief } from '../brief/decode.ts'
import { displayPath, resolveUserPath } from './display-path.ts'
import { runCli } from './run-cli.ts'
import { parseOptionsAndNames } from './parse-options.ts'
import { UserError } from './user-error.ts'
import { writeExtrasDraft } from './write-extras.ts'
import { BUILD_USAGE } from './usage.ts'

export interface Output {
  out: (line: string) => void
  err: (line: string) => void
}

const consoleOutput: Output = { out: (line) => console.log(line), err: (line) => console.error(line) }

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
}

/** What `npm run build` was asked: one brief into one folder, or briefings of content/ into slides/. */
export type BuildCommand =
  | { one: BuildOptions; names?: string[] }
  | { names: string[]; settings: BuildSettings }

/** The options that shape every deck, whichever brief. */
export type BuildSettings = Omit<BuildOptions, 'brief' | 'out'>

/** Reads the names and options; throws a UserError for anything it cannot use. */
export function parseBuildArgs(argv: string[]): BuildCommand | 'help' {
  const { values, names } = parseOptionsAndNames(
    argv,
    {
      brief: { type: 'string' },
      out: { type: 'string' },
      'keep-punctuation': { type: 'boolean' },
      notes: { type: 'string' },
      'hide-source': { type: 'boolean' },
      'write-extras': { type: 'boolean' },
      minutes: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    'build',
  )
  if (values.help) return 'help'
  checkNames(names)
  if (names.length > 0 && values.brief !== undefined) throw new UserError(libraryMessages.namesAndBrief('npm run build'))
  const out = values.out === undefined ? undefined : resolveUserPath(values.out)
  if (out !== undefined && !isInsideProject(out)) throw new UserError(cliMessages.outsideProject('--out', values.out ?? ''))
  const notes = values.notes
  if (notes !== undefined && !isLang(notes)) throw new UserError(cliMessages.badLanguage('--notes', notes, 'build'))
  const settings: BuildSettings = {
    minutes: minutesOption(values.minutes, 'build'),
    keepPunctuation: values['keep-punctuation'] ?? false,
    notes,
    hideSource: values['hide-source'] ?? false,
    writeExtras: values['write-extras'] ?? false,
  }
  if (values.brief !== undefined) {
    const brief = resolveUserPath(values.brief)
    return { one: { ...settings, brief, out: out ?? decksFolderOf(brief) } }
  }
  // --out without --brief: the named briefing (or the only one), into DIR.
  if (out !== undefined) return { one: { ...settings, brief: '', out }, names }
  return { names, settings }
}

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

/** What became of one brief. */
export type Outcome = 'built' | 'current' | 'refused'

const DECK_FILES = VARIANTS.map((variant) => `${variant}.md`)

/**
 * One brief (and extras) in, three decks out, unless the decks already are
 * what these inputs give (see library/stamp.ts): then nothing is written.
 * Prints the brief's problems, or what it wrote.
 */
export async function buildBrief(options: BuildOptions, output: Output): Promise<{ outcome: Outcome; decks: string[]; source: string }> {
  const briefFile = displayPath(options.brief)
  const decks = DECK_FILES.map((name) => displayPath(path.join(options.out, name)))
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
  if (extras && 'problem' in extras) {
    output.err(formatDiagnostic(extras.problem))
    output.err(cliMessages.refused(1, extras.problem.file))
    return { outcome: 'refused', decks, source: briefFile }
  }

  const settings = {
    source: projectRelative(options.brief),
    addonPath: addonPathFor(options.out),
    normalizePunctuation: !options.keepPunctuation,
    notes: options.notes,
    sourceReference: !options.hideSource,
    minutes: options.minutes,
  }
  const key = inputKey({ brief: briefBytes, extras: extras?.text, settings, generator: generatorKey() })
  if (!options.writeExtras && (await isCurrent(options.out, key, DECK_FILES))) return { outcome: 'current', decks, source: briefFile }

  const result = buildDecks({ briefFile, briefBytes, ...(extras ? { extras } : {}), ...settings })
  if (!result.ok) {
    for (const diagnostic of result.diagnostics) output.err(formatDiagnostic(diagnostic))
    output.err(cliMessages.refused(result.diagnostics.length, briefFile))
    return { outcome: 'refused', decks, source: briefFile }
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
  for (const warning of result.warnings) output.err(formatDiagnostic(warning))
  if (result.overSlot) output.err(cliMessages.overSlot(result.overSlot))
  if (result.normalized.length > 0) output.out(cliMessages.normalizedPunctuation(result.normalized, briefFile))
  output.out(cliMessages.built(decks, result.content.sections.length + 2, briefFile))
  if (options.writeExtras) await writeExtrasDraft(options.brief, result.content, displayPath, output.out)
  return { outcome: 'built', decks, source: briefFile }
}

/**
 * One brief into one folder (`--brief`, and for start, export, site). Returns
 * the exit code: 0 built or current, 1 the brief has problems.
 */
export async function runBuild(options: BuildOptions, output: Output = consoleOutput): Promise<number> {
  const { outcome, decks, source } = await buildBrief(options, output)
  if (outcome === 'current') output.out(libraryMessages.current(decks, source))
  return outcome === 'refused' ? 1 : 0
}

/**
 * `npm run build [NAME…]`: every briefing of content/ (or those named) into
 * slides/NAME/, each built only when its inputs changed. A brief with
 * problems, or a misnamed one, does not stop the others; the exit code is
 * then 1 and its decks stay as they were.
 */
export async function runLibraryBuild(names: string[], settings: BuildSettings, output: Output = consoleOutput, desk: Desk = DESK): Promise<number> {
  const library = await readLibrary(desk.content)
  const misnamed = names.length === 0 ? library.misnamed : []
  for (const file of misnamed) output.err(libraryMessages.misnamed(displayPath(file), path.parse(file).name))
  if (library.briefings.length === 0 && misnamed.length > 0) return 1
  const chosen = chooseBriefings(library, names, 'npm run build', true)
  const done: Record<Outcome, string[]> = { built: [], current: [], refused: [] }
  for (const briefing of chosen) {
    let outcome: Outcome
    try {
      outcome = (await buildBrief({ ...settings, brief: briefing.brief, out: decksDirFor(briefing.name, desk) }, output)).outcome
    } catch (error) {
      if (!(error instanceof UserError)) throw error
      output.err(error.message)
      outcome = 'refused'
    }
    done[outcome].push(briefing.name)
  }
  output.out(libraryMessages.summary(done.built, done.current, done.refused))
  return misnamed.length > 0 || done.refused.length > 0 ? 1 : 0
}

/** Runs what `parseBuildArgs` read. */
export async function runBuildCommand(command: BuildCommand, output: Output = consoleOutput): Promise<number> {
  if ('settings' in command) return runLibraryBuild(command.names, command.settings, output)
  if (command.names === undefined) return runBuild(command.one, output)
  // --out DIR with a name (or none): the decks of one briefing.
  const library = await readLibrary()
  if (command.names.length > 1 || (command.names.length === 0 && library.briefings.length > 1)) throw new UserError(libraryMessages.outNeedsOne())
  const [briefing] = chooseBriefings(library, command.names, 'npm run build', false)
  return runBuild({ ...command.one, brief: briefing!.brief }, output)
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

/** `--minutes N` of build and start: a UserError naming the command's help for anything but a slot. */
export function minutesOption(value: string | undefined, command: string): number | undefined {
  if (value === undefined) return undefined
  const minutes = parseMinutes(value)
  if (minutes === undefined) throw new UserError(cliMessages.badMinutes(value, command))
  return minutes
}

/** The process edge: arguments in, exit code out; only bugs print a stack. */
export async function main(argv: string[], output: Output = consoleOutput): Promise<number> {
  return runCli(() => parseBuildArgs(argv), BUILD_USAGE, (command) => runBuildCommand(command, output), output)
}
