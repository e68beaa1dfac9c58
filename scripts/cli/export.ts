import path from 'node:path'
import { findBrowser } from '../browser/find.ts'
import { BuildError } from '../builds/static-builds.ts'
import { isLang, type Lang } from '../brief/model.ts'
import { VARIANTS, type Variant } from '../deck/variant.ts'
import { ALL_FORMATS, FORMATS, type Format } from '../export/formats.ts'
import { cliMessages, exportMessages } from '../messages.ts'
import { PROJECT_ROOT } from '../project.ts'
import { consoleOutput, type Output } from '../io/output.ts'
import { parseChoices } from './choices.ts'
import { parseDeckSource, resolveDeckSets, type DeckSource } from './deck-source.ts'
import { displayPath } from '../io/display-path.ts'
import { EXPORT_USAGE } from './export-usage.ts'
import { runCli } from './run-cli.ts'
import { parseOptionsAndNames } from './parse-options.ts'
import { checkNames } from './choose-briefings.ts'
import { UserError } from '../io/user-error.ts'


export const DEFAULT_EXPORTS = path.join(PROJECT_ROOT, 'exports')

export interface ExportOptions {
  decks: Variant[]
  formats: Format[]
  out: string
  source: DeckSource
  /** See `ExportRequest.show`. */
  show?: Lang | undefined
  /** See `ExportRequest.speaker`. */
  speaker?: boolean
  noCache: boolean
  /** The one-file decks without notes, pacing or presenter view (`--public`). */
  public?: boolean
}

/** Reads the options; throws a UserError for anything it cannot use. */
export function parseExportArgs(argv: string[]): ExportOptions | 'help' {
  const { values, names } = parseOptionsAndNames(
    argv,
    {
      deck: { type: 'string', multiple: true },
      format: { type: 'string', multiple: true },
      out: { type: 'string' },
      brief: { type: 'string' },
      decks: { type: 'string' },
      show: { type: 'string' },
      speaker: { type: 'boolean' },
      'no-cache': { type: 'boolean' },
      public: { type: 'boolean' },
      scheme: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    'export',
  )
  if (values.help) return 'help'
  checkNames(names)
  const show = values.show === 'both' ? undefined : values.show
  if (show !== undefined && !isLang(show)) throw new UserError(cliMessages.badLanguage('--show', show, 'export'))
  // Only the bilingual deck has languages to choose from: --show alone means it.
  const decks = parseChoices(values.deck ?? (show !== undefined ? ['bilingual'] : undefined), VARIANTS, '--deck', 'export')
  if (show !== undefined && decks.some((deck) => deck !== 'bilingual')) throw new UserError(exportMessages.showNeedsBilingual())
  return {
    decks,
    show,
    // The script only when asked for: the default is the four formats of the audience and the room.
    formats: values.format ? parseChoices(values.format, ALL_FORMATS, '--format', 'export') : [...FORMATS],
    out: path.resolve(values.out ?? DEFAULT_EXPORTS),
    source: parseDeckSource(names, values.brief, values.decks, 'export', values.scheme),
    speaker: values.speaker ?? false,
    noCache: values['no-cache'] ?? false,
    ...(values.public ? { public: true } : {}),
  }
}

/** `npm run export`: every chosen deck in every chosen format. Returns the exit code. */
export async function runExport(options: ExportOptions, output: Output = consoleOutput): Promise<number> {
  const started = Date.now()
  if (!findBrowser()) throw new UserError(exportMessages.noChromium(), 1)
  const sets = await resolveDeckSets(options.source, options.decks, output, 'export', false)
  if (typeof sets === 'number') return sets
  let count = 0
  // The printing code (Playwright, Vue's renderer, UnoCSS…) loads only for a run that prints.
  const { exportDecks } = await import('../export/export-decks.ts')
  try {
    for (const set of sets) {
      // A briefing's files go to a folder of its name: and its name begins each file's (water-en.pdf), so files mailed together never meet.
      const report = await exportDecks(
        {
          briefing: set.name,
          decks: set.files,
          formats: options.formats,
          out: set.fromLibrary ? path.join(options.out, set.name) : options.out,
          show: options.show,
          speaker: options.speaker ?? false,
          noCache: options.noCache,
          public: options.public ?? false,
        },
        (written) => output.out(exportMessages.wrote(displayPath(written.file), written.ms, written.reused)),
      )
      if (report.refused.length > 0) output.err(exportMessages.refusedRequests(report.refused))
      count += report.written.length
    }
    output.out(exportMessages.exported(count, Date.now() - started))
    return 0
  } catch (error) {
    if (error instanceof BuildError) throw new UserError(error.message, 1)
    throw error
  }
}

/** The process edge: arguments in, exit code out; only bugs print a stack. */
export async function main(argv: string[], output: Output = consoleOutput): Promise<number> {
  return runCli(() => parseExportArgs(argv), EXPORT_USAGE, (options) => runExport(options, output), output)
}
