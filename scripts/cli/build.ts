import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { isLang, type Lang } from '../brief/model.ts'
import { formatDiagnostic, type Diagnostic } from '../diagnostic.ts'
import { writeFilesTogether } from '../io/write-files.ts'
import { cliMessages, messages } from '../messages.ts'
import { buildDecks } from '../pipeline.ts'
import { parseMinutes } from '../timing/clock.ts'
import {
  DEFAULT_BRIEF,
  DEFAULT_DECKS,
  addonPathFor,
  existingExtras,
  isInsideProject,
  projectRelative,
} from '../project.ts'
import { decodeBrief } from '../brief/decode.ts'
import { displayPath, resolveUserPath } from './display-path.ts'
import { runCli } from './run-cli.ts'
import { parseOptions } from './parse-options.ts'
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

/** Reads `--brief` and `--out`; throws a UserError for anything else. */
export function parseBuildArgs(argv: string[]): BuildOptions | 'help' {
  const values = parseOptions(
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
  const out = values.out === undefined ? DEFAULT_DECKS : resolveUserPath(values.out)
  if (!isInsideProject(out)) throw new UserError(cliMessages.outsideProject('--out', values.out ?? ''))
  const notes = values.notes
  if (notes !== undefined && !isLang(notes)) throw new UserError(cliMessages.badLanguage('--notes', notes, 'build'))
  return {
    minutes: minutesOption(values.minutes, 'build'),
    brief: values.brief === undefined ? DEFAULT_BRIEF : resolveUserPath(values.brief),
    out,
    keepPunctuation: values['keep-punctuation'] ?? false,
    notes,
    hideSource: values['hide-source'] ?? false,
    writeExtras: values['write-extras'] ?? false,
  }
}

/**
 * `npm run build`: brief (and extras) in, three decks out. Returns the exit
 * code: 0 built, 1 the brief has problems, 2 the command was used wrongly.
 */
export async function runBuild(options: BuildOptions, output: Output = consoleOutput): Promise<number> {
  const briefFile = displayPath(options.brief)
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
    return 1
  }

  const result = buildDecks({
    briefFile,
    briefBytes,
    ...(extras ? { extras } : {}),
    source: projectRelative(options.brief),
    addonPath: addonPathFor(options.out),
    normalizePunctuation: !options.keepPunctuation,
    notes: options.notes,
    sourceReference: !options.hideSource,
    minutes: options.minutes,
  })
  if (!result.ok) {
    for (const diagnostic of result.diagnostics) output.err(formatDiagnostic(diagnostic))
    output.err(cliMessages.refused(result.diagnostics.length, briefFile))
    return 1
  }
  const files = Object.fromEntries(Object.entries(result.decks).map(([variant, text]) => [`${variant}.md`, text]))
  try {
    await writeFilesTogether(options.out, files)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error)
    throw new UserError(cliMessages.writeFailed(displayPath(options.out), code), 1)
  }
  const written = Object.keys(files).map((name) => displayPath(path.join(options.out, name)))
  for (const warning of result.warnings) output.err(formatDiagnostic(warning))
  if (result.overSlot) output.err(cliMessages.overSlot(result.overSlot))
  if (result.normalized.length > 0) output.out(cliMessages.normalizedPunctuation(result.normalized, briefFile))
  output.out(cliMessages.built(written, result.content.sections.length + 2, briefFile))
  if (options.writeExtras) await writeExtrasDraft(options.brief, result.content, displayPath, output.out)
  return 0
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
  return runCli(() => parseBuildArgs(argv), BUILD_USAGE, (options) => runBuild(options, output), output)
}
