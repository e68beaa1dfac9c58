import path from 'node:path'
import { BuildError } from '../builds/static-builds.ts'
import { VARIANTS, type Variant } from '../deck/variant.ts'
import { readLibrary } from '../library/list-briefs.ts'
import { exportMessages, siteMessages } from '../messages.ts'
import { DESK, PROJECT_ROOT } from '../project.ts'
import { SiteError } from '../site/replace-site.ts'
import { parseShard, shardOf, type Shard } from '../site/shard.ts'
import { consoleOutput, type Output } from '../io/output.ts'
import { deckProgress } from '../io/progress.ts'
import { parseChoices } from './choices.ts'
import { parseDeckSource, resolveDeckSets, type DeckSource } from './deck-source.ts'
import { displayPath } from '../io/display-path.ts'
import { SITE_USAGE } from './export-usage.ts'
import { runCli } from './run-cli.ts'
import { parseOptionsAndNames } from './parse-options.ts'
import { checkNames, chooseBriefings } from './choose-briefings.ts'
import { UserError } from '../io/user-error.ts'


export const DEFAULT_SITE = path.join(PROJECT_ROOT, 'dist')

export interface SiteOptions {
  decks: Variant[]
  out: string
  source: DeckSource
  public: boolean
  noCache: boolean
  /** Each deck's slide PDF, handout and PPTX in the site (the slide PDF only in a public one). */
  downloads: boolean
  /** Build this share of the desk's briefings only (`--shard K/N`). */
  shard?: Shard
}

/** `--assemble DIR…`: join the shards built into these folders. */
export interface AssembleOptions {
  assemble: string[]
  out: string
}

/** The options that shape each shard's build: given to --assemble they would be ignored, so they are refused. */
const BUILD_OPTIONS = ['deck', 'brief', 'decks', 'public', 'no-cache', 'no-downloads', 'shard', 'scheme'] as const

export function parseSiteArgs(argv: string[]): SiteOptions | AssembleOptions | 'help' {
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
      shard: { type: 'string' },
      scheme: { type: 'string' },
      assemble: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    'site',
  )
  if (values.help) return 'help'
  if (values.assemble) {
    for (const option of BUILD_OPTIONS) if (values[option] !== undefined) throw new UserError(siteMessages.assembleAlone(`--${option}`))
    if (names.length === 0) throw new UserError(siteMessages.assembleNothing())
    return { assemble: names.map((dir) => path.resolve(dir)), out: path.resolve(values.out ?? DEFAULT_SITE) }
  }
  checkNames(names)
  const shard = values.shard === undefined ? undefined : parseShard(values.shard)
  if (values.shard !== undefined && !shard) throw new UserError(siteMessages.badShard(values.shard))
  if (shard && (values.brief !== undefined || values.decks !== undefined)) throw new UserError(siteMessages.shardNeedsDesk())
  return {
    decks: parseChoices(values.deck, VARIANTS, '--deck', 'site'),
    out: path.resolve(values.out ?? DEFAULT_SITE),
    source: parseDeckSource(names, values.brief, values.decks, 'site', values.scheme),
    public: values.public ?? false,
    noCache: values['no-cache'] ?? false,
    downloads: !(values['no-downloads'] ?? false),
    ...(shard ? { shard } : {}),
  }
}

/** `npm run site`: the decks as one static site. Returns the exit code. */
export async function runSite(options: SiteOptions, output: Output = consoleOutput): Promise<number> {
  const started = Date.now()
  const shard = options.shard ? await shareOfDesk(options.shard, options.source) : undefined
  const sets = shard?.mine.length === 0 ? [] : await resolveDeckSets(shard ? shard.source : options.source, options.decks, output, 'site', true)
  if (typeof sets === 'number') return sets
  // The building and printing code loads only for a run that builds.
  const { buildSite } = await import('../site/build-site.ts')
  const progress = deckProgress(output)
  try {
    await buildSite(
      {
        briefings: sets.map((set) => ({ name: set.name, decks: set.files })),
        out: options.out,
        public: options.public,
        noCache: options.noCache,
        downloads: options.downloads,
        ...(shard ? { shard: { shard: shard.shard, desk: shard.desk } } : {}),
        onWritten: (written) => output.out(exportMessages.wrote(displayPath(written.file), written.ms, written.reused)),
        progress,
      },
      (builds, ms) => {
        progress.end()
        output.out(exportMessages.builds(builds.filter((b) => b.built).length, builds.filter((b) => !b.built).length, ms))
      },
    )
  } catch (error) {
    if (error instanceof SiteError || error instanceof BuildError) throw new UserError(error.message, 1)
    throw error
  } finally {
    // A failed build leaves no half-drawn line before its message.
    progress.end()
  }
  if (shard) output.out(siteMessages.shardBuilt(displayPath(options.out), shard.shard.index, shard.shard.count, shard.mine, shard.desk.length))
  output.out(exportMessages.siteDone(displayPath(options.out), options.public, Date.now() - started))
  return 0
}

/** The desk's briefings (all, or those named), and those of them in this shard, before any is built. */
async function shareOfDesk(shard: Shard, source: DeckSource): Promise<{ shard: Shard; desk: string[]; mine: string[]; source: DeckSource }> {
  if (!('names' in source)) throw new UserError(siteMessages.shardNeedsDesk())
  const desk = source.desk ?? DESK
  const names = chooseBriefings(await readLibrary(desk.content), source.names, 'npm run site', true).map((briefing) => briefing.name)
  const mine = names.filter((name) => shardOf(name, shard.count) === shard.index)
  return { shard, desk: names, mine, source: { ...source, names: mine, desk } }
}

/** `npm run site -- --assemble DIR…`: one site from its shards. Returns the exit code. */
export async function runAssemble(options: AssembleOptions, output: Output = consoleOutput): Promise<number> {
  const started = Date.now()
  const { assembleSite } = await import('../site/assemble-site.ts')
  try {
    const { briefings } = await assembleSite({ shards: options.assemble, out: options.out, show: displayPath })
    output.out(siteMessages.assembled(displayPath(options.out), options.assemble.length, briefings, Date.now() - started))
  } catch (error) {
    if (error instanceof SiteError) throw new UserError(error.message, 1)
    throw error
  }
  return 0
}

export async function main(argv: string[], output: Output = consoleOutput): Promise<number> {
  return runCli(() => parseSiteArgs(argv), SITE_USAGE, (options) => ('assemble' in options ? runAssemble(options, output) : runSite(options, output)), output)
}
