import path from 'node:path'
import { isLang } from '../brief/model.ts'
import { displayPath, resolveUserPath } from '../io/display-path.ts'
import { consoleOutput, type Output } from '../io/output.ts'
import { UserError } from '../io/user-error.ts'
import { decksFolderOf, makeCurrent, type BuildOptions, type Outcome } from '../library/make-current.ts'
import { readLibrary } from '../library/list-briefs.ts'
import { cliMessages, libraryMessages } from '../messages.ts'
import { DESK, type Desk, decksDirFor, isInsideProject } from '../project.ts'
import { checkNames, chooseBriefings } from './choose-briefings.ts'
import { minutesOption, parseOptionsAndNames, schemeOption } from './parse-options.ts'
import { printMade } from './print-build.ts'
import { runCli } from './run-cli.ts'
import { BUILD_USAGE } from './usage.ts'
import { writeExtrasDraft } from './write-extras.ts'

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
      scheme: { type: 'string' },
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
    scheme: schemeOption(values.scheme, 'build'),
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
 * Makes one brief's decks current and says what became of it (with
 * `--write-extras`, drafts its extras file too). Returns the outcome.
 */
async function buildOne(options: BuildOptions, output: Output, sayCurrent: boolean): Promise<Outcome> {
  const made = await makeCurrent(options)
  printMade(made, output, sayCurrent)
  if (made.outcome === 'built' && made.extrasDraft) await writeExtrasDraft(options.brief, made.extrasDraft, displayPath, output.out)
  return made.outcome
}

/** One brief into one folder (`--brief`, `--out`). Returns the exit code: 0 built or current, 1 the brief has problems. */
async function runBuild(options: BuildOptions, output: Output): Promise<number> {
  return (await buildOne(options, output, true)) === 'refused' ? 1 : 0
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
      outcome = await buildOne({ ...settings, brief: briefing.brief, out: decksDirFor(briefing.name, desk) }, output, false)
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

/** The process edge: arguments in, exit code out; only bugs print a stack. */
export async function main(argv: string[], output: Output = consoleOutput): Promise<number> {
  return runCli(() => parseBuildArgs(argv), BUILD_USAGE, (command) => runBuildCommand(command, output), output)
}
