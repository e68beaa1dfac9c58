import path from 'node:path'
import { BuildError } from '../builds/static-builds.ts'
import { VARIANTS, type Variant } from '../deck/variant.ts'
import { exportMessages } from '../messages.ts'
import { PROJECT_ROOT } from '../project.ts'
import { buildSite, SiteError } from '../site/build-site.ts'
import type { Output } from './build.ts'
import { parseChoices } from './choices.ts'
import { parseDeckSource, resolveDeckSets, type DeckSource } from './deck-source.ts'
import { displayPath } from './display-path.ts'
import { SITE_USAGE } from './export-usage.ts'
import { runCli } from './run-cli.ts'
import { parseOptionsAndNames } from './parse-options.ts'
import { checkNames } from './choose-briefings.ts'
import { UserError } from './user-error.ts'

const consoleOutput: Output = { out: (line) => console.log(line), err: (line) => console.error(line) }

export const DEFAULT_SITE = path.join(PROJECT_ROOT, 'dist')

export interface SiteOptions {
  decks: Variant[]
  out: string
  source: DeckSource
  public: boolean
  noCache: boolean
  /** Each deck's slide PDF, handout and PPTX in the site (the slide PDF only in a public one). */
  downloads: boolean
}

export function parseSiteArgs(argv: string[]): SiteOptions | 'help' {
  const { values, names } = parseOptionsAndNames(
    argv,
    {
      deck: { type: 'string', multiple: true },
      out: { type: 'string' },
      brief: { type: 'string' },
      decks: { type: 'string' },
      public: { type: 'boolean' },
      'no-cache': { type: 'boolean' },
      'no-downloads': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    'site',
  )
  if (values.help) return 'help'
  checkNames(names)
  return {
    decks: parseChoices(values.deck, VARIANTS, '--deck', 'site'),
    out: path.resolve(values.out ?? DEFAULT_SITE),
    source: parseDeckSource(names, values.brief, values.decks, 'site'),
    public: values.public ?? false,
    noCache: values['no-cache'] ?? false,
    downloads: !(values['no-downloads'] ?? false),
  }
}

/** `npm run site`: the decks as one static site. Returns the exit code. */
export async function runSite(options: SiteOptions, output: Output = consoleOutput): Promise<number> {
  const started = Date.now()
  const sets = await resolveDeckSets(options.source, options.decks, output, 'site', true)
  if (typeof sets === 'number') return sets
  try {
    await buildSite(
      {
        briefings: sets.map((set) => ({ name: set.name, decks: set.files })),
        out: options.out,
        public: options.public,
        noCache: options.noCache,
        downloads: options.downloads,
        onWritten: (written) => output.out(exportMessages.wrote(displayPath(written.file), written.ms, written.reused)),
      },
      (builds, ms) =>
      output.out(exportMessages.builds(builds.filter((b) => b.built).length, builds.filter((b) => !b.built).length, ms)),
    )
  } catch (error) {
    if (error instanceof SiteError || error instanceof BuildError) throw new UserError(error.message, 1)
    throw error
  }
  output.out(exportMessages.siteDone(displayPath(options.out), options.public, Date.now() - started))
  return 0
}

export async function main(argv: string[], output: Output = consoleOutput): Promise<number> {
  return runCli(() => parseSiteArgs(argv), SITE_USAGE, (options) => runSite(options, output), output)
}
