import { existsSync } from 'node:fs'
import path from 'node:path'
import { isLang, type Lang } from '../brief/model.ts'
import { VARIANTS, type Variant } from '../deck/variant.ts'
import { exportDecks } from '../export/export-decks.ts'
import { FORMATS, type Format } from '../export/formats.ts'
import { cliMessages, exportMessages } from '../messages.ts'
import { DEFAULT_DECKS, PROJECT_ROOT } from '../project.ts'
import type { Output } from './build.ts'
import { parseChoices } from './choices.ts'
import { displayPath } from './display-path.ts'
import { EXPORT_USAGE } from './export-usage.ts'
import { runCli } from './run-cli.ts'
import { parseOptions } from './parse-options.ts'
import { UserError } from './user-error.ts'

const consoleOutput: Output = { out: (line) => console.log(line), err: (line) => console.error(line) }

export const DEFAULT_EXPORTS = path.join(PROJECT_ROOT, 'exports')

export interface ExportOptions {
  decks: Variant[]
  formats: Format[]
  out: string
  decksDir: string
  /** See `ExportRequest.show`. */
  show?: Lang | undefined
}

/** Reads the options; throws a UserError for anything it cannot use. */
export function parseExportArgs(argv: string[]): ExportOptions | 'help' {
  const values = parseOptions(
    argv,
    {
      deck: { type: 'string', multiple: true },
      format: { type: 'string', multiple: true },
      out: { type: 'string' },
      decks: { type: 'string' },
      show: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    'export',
  )
  if (values.help) return 'help'
  const decks = parseChoices(values.deck, VARIANTS, '--deck', 'export')
  const show = values.show === 'both' ? undefined : values.show
  if (show !== undefined && !isLang(show)) throw new UserError(cliMessages.badLanguage('--show', show, 'export'))
  if (show !== undefined && decks.some((deck) => deck !== 'bilingual')) throw new UserError(exportMessages.showNeedsBilingual())
  return {
    decks,
    show,
    formats: parseChoices(values.format, FORMATS, '--format', 'export'),
    out: path.resolve(values.out ?? DEFAULT_EXPORTS),
    decksDir: path.resolve(values.decks ?? DEFAULT_DECKS),
  }
}

/** `npm run export`: every chosen deck in every chosen format. Returns the exit code. */
export async function runExport(options: ExportOptions, output: Output = consoleOutput): Promise<number> {
  const started = Date.now()
  const files = options.decks.map((deck) => path.join(options.decksDir, `${deck}.md`))
  for (const file of files) if (!existsSync(file)) throw new UserError(exportMessages.deckMissing(displayPath(file), '--decks'))
  const report = await exportDecks({ decks: files, formats: options.formats, out: options.out, show: options.show }, (written) =>
    output.out(exportMessages.wrote(displayPath(written.file), written.ms)),
  )
  if (report.refused.length > 0) output.err(exportMessages.refusedRequests(report.refused))
  output.out(exportMessages.exported(report.written.length, Date.now() - started))
  return 0
}

/** The process edge: arguments in, exit code out; only bugs print a stack. */
export async function main(argv: string[], output: Output = consoleOutput): Promise<number> {
  return runCli(() => parseExportArgs(argv), EXPORT_USAGE, (options) => runExport(options, output), output)
}
