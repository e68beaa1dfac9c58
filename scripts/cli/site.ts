import { existsSync } from 'node:fs'
import path from 'node:path'
import { VARIANTS, type Variant } from '../deck/variant.ts'
import { cliMessages, exportMessages } from '../messages.ts'
import { DEFAULT_DECKS, PROJECT_ROOT } from '../project.ts'
import { buildSite, SiteError } from '../site/build-site.ts'
import type { Output } from './build.ts'
import { parseChoices } from './choices.ts'
import { displayPath } from './display-path.ts'
import { SITE_USAGE } from './export-usage.ts'
import { runCli } from './run-cli.ts'
import { parseOptions } from './parse-options.ts'
import { UserError } from './user-error.ts'

const consoleOutput: Output = { out: (line) => console.log(line), err: (line) => console.error(line) }

export const DEFAULT_SITE = path.join(PROJECT_ROOT, 'dist')

export interface SiteOptions {
  decks: Variant[]
  out: string
  decksDir: string
  public: boolean
}

export function parseSiteArgs(argv: string[]): SiteOptions | 'help' {
  const values = parseOptions(
    argv,
    {
      deck: { type: 'string', multiple: true },
      out: { type: 'string' },
      decks: { type: 'string' },
      public: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    'site',
  )
  if (values.help) return 'help'
  return {
    decks: parseChoices(values.deck, VARIANTS, '--deck', 'site'),
    out: path.resolve(values.out ?? DEFAULT_SITE),
    decksDir: path.resolve(values.decks ?? DEFAULT_DECKS),
    public: values.public ?? false,
  }
}

/** `npm run site`: the decks as one static site. Returns the exit code. */
export async function runSite(options: SiteOptions, output: Output = consoleOutput): Promise<number> {
  const started = Date.now()
  const files = options.decks.map((deck) => path.join(options.decksDir, `${deck}.md`))
  for (const file of files) if (!existsSync(file)) throw new UserError(exportMessages.deckMissing(displayPath(file), '--decks'))
  try {
    await buildSite({ decks: files, out: options.out, public: options.public }, (deck, ms) =>
      output.out(exportMessages.builtSite(deck, displayPath(path.join(options.out, deck)), ms)),
    )
  } catch (error) {
    if (error instanceof SiteError) throw new UserError(error.message, 1)
    throw error
  }
  output.out(exportMessages.siteDone(displayPath(options.out), options.public, Date.now() - started))
  return 0
}

export async function main(argv: string[], output: Output = consoleOutput): Promise<number> {
  return runCli(() => parseSiteArgs(argv), SITE_USAGE, (options) => runSite(options, output), output)
}
