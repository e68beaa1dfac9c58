import { createServer } from 'node:net'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { isLang, type Lang } from '../brief/model.ts'
import { VARIANTS, type Variant } from '../deck/variant.ts'
import { watchFiles } from '../io/watch-files.ts'
import { cliMessages, libraryMessages, presentMessages, roomMessages } from '../messages.ts'
import { presentToRoom } from '../present/present-room.ts'
import { briefingOf, readLibrary } from '../library/list-briefs.ts'
import { DESK, decksDirFor, extrasPathFor, presentDecksFor, type Desk } from '../project.ts'
import { checkNames, chooseBriefings } from './choose-briefings.ts'
import { startSlidev, type SlidevServer } from '../slidev/server.ts'
import { consoleOutput, type Output } from '../io/output.ts'
import type { BuildOptions } from '../library/make-current.ts'
import { buildAndSay } from './print-build.ts'
import { START_USAGE } from './start-usage.ts'
import { resolveUserPath } from '../io/display-path.ts'
import { explainOptionError, minutesOption, schemeOption } from './parse-options.ts'
import type { Scheme } from '../deck/scheme.ts'
import { runCli } from './run-cli.ts'
import { UserError } from '../io/user-error.ts'

/** Slidev's own default, so that bookmarks from plain `slidev` keep working. */
export const DEFAULT_PORT = 3030
/** Below 1024 a port needs root; a presenter's laptop should not. */
const MIN_PORT = 1024
const MAX_PORT = 65535

export interface StartOptions {
  deck: Variant
  port: number
  /** Notes in this language, under slides of the deck's (see `npm run build -- --notes`). */
  notes?: Lang
  /** The briefing of content/ to present, by name (`npm start NAME`); needed when there are several. */
  name?: string
  /** A brief file instead (`--brief FILE`). */
  brief?: string
  /** The briefing's slot in minutes (see `npm run build -- --minutes`). */
  minutes?: number
  /** `--scheme dark`: the slides light on dark, in decks built for this talk. */
  scheme?: Scheme
  /** Where the briefings are (tests give their own). */
  desk?: Desk
  /** Present to other devices (`--lan`, scripts/present/present-room.ts), on `host` if given. */
  lan?: { host?: string; plainHttp?: boolean }
}


const START_OPTIONS = {
  deck: { type: 'string' },
  port: { type: 'string' },
  notes: { type: 'string' },
  brief: { type: 'string' },
  minutes: { type: 'string' },
  scheme: { type: 'string' },
  lan: { type: 'boolean' },
  host: { type: 'string' },
  'plain-http': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const

/** Reads the options of `npm start`; throws a UserError for anything else. */
export function parseStartArgs(argv: string[]): StartOptions | 'help' {
  let values
  let positionals: string[]
  try {
    ;({ values, positionals } = parseArgs({
      args: argv,
      options: START_OPTIONS,
      strict: true,
      allowPositionals: true,
    }))
  } catch (error) {
    throw new UserError(`${explainOptionError(error, START_OPTIONS)}\nRun \`npm start -- --help\` for the options.`)
  }
  if (values.help) return 'help'
  checkNames(positionals)
  if (positionals.length > 1) throw new UserError(presentMessages.oneBriefing(positionals))
  if (positionals.length > 0 && values.brief !== undefined) throw new UserError(libraryMessages.namesAndBrief('npm start'))
  const deck = values.deck ?? 'bilingual'
  if (!isVariant(deck)) throw new UserError(presentMessages.badDeck(deck, VARIANTS))
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port)
  if (!/^\d+$/.test(values.port ?? String(DEFAULT_PORT)) || port < MIN_PORT || port > MAX_PORT) {
    throw new UserError(presentMessages.badPort(values.port ?? ''))
  }
  if (values.notes !== undefined && !isLang(values.notes)) throw new UserError(cliMessages.badLanguage('--notes', values.notes, 'start'))
  const minutes = minutesOption(values.minutes, 'start')
  const scheme = schemeOption(values.scheme, 'start')
  if (values.host !== undefined && !values.lan) throw new UserError(roomMessages.hostWithoutLan())
  if (values['plain-http'] && !values.lan) throw new UserError(roomMessages.plainHttpWithoutLan())
  return {
    ...(minutes !== undefined ? { minutes } : {}),
    ...(scheme !== undefined ? { scheme } : {}),
    deck,
    port,
    ...(values.notes !== undefined ? { notes: values.notes as Lang } : {}),
    ...(values.brief !== undefined ? { brief: resolveUserPath(values.brief) } : {}),
    ...(positionals[0] !== undefined ? { name: positionals[0] } : {}),
    ...(values.lan ? { lan: { ...(values.host !== undefined ? { host: values.host } : {}), ...(values['plain-http'] ? { plainHttp: true } : {}) } } : {}),
  }
}

/**
 * The brief to present and where its decks go: a briefing's own decks in
 * slides/NAME/; decks built for this one presentation (other notes, a slot, a
 * brief from elsewhere) in a folder of this port's, which no other
 * presentation shares (there is one server per port), so slides/ keeps the
 * briefings' decks and two presentations never rebuild each other's.
 */
async function chooseDecks(options: StartOptions): Promise<{ brief: string; out: string }> {
  const desk = options.desk ?? DESK
  const brief = options.brief ?? chooseBriefings(await readLibrary(desk.content), options.name ? [options.name] : [], 'npm start', false)[0]!.brief
  const own = briefingOf(brief, desk.content)
  const forThisTalk = options.notes !== undefined || options.minutes !== undefined || options.scheme !== undefined || !own
  return { brief, out: forThisTalk ? presentDecksFor(options.port) : decksDirFor(own.name, desk) }
}

function isVariant(value: string): value is Variant {
  return (VARIANTS as readonly string[]).includes(value)
}

/** The two addresses a presenter opens. */
export function presentingUrls(serverUrl: string): { audience: string; presenter: string } {
  return { audience: `${serverUrl}/`, presenter: `${serverUrl}/presenter/1` }
}

/**
 * `npm start`: build, then serve one deck until `stop` settles (Ctrl-C) or
 * Slidev exits by itself. Returns the exit code: 0 stopped by the user, 1 the
 * brief has problems or Slidev failed, 2 the command was used wrongly.
 */
export async function runStart(options: StartOptions, stop: Promise<void>, output: Output = consoleOutput): Promise<number> {
  // Before the build: a port in use is known at once, not after the work (exit 1: not a usage error).
  // Slidev would quietly move to another port, and the URLs printed would be wrong.
  if (!(await isPortFree(options.port))) throw new UserError(presentMessages.portInUse(options.port), 1)
  const stopped = stop.then(() => 'stopped' as const)
  const { brief, out } = await chooseDecks(options)
  const build: BuildOptions = { brief, out, keepPunctuation: false, notes: options.notes, minutes: options.minutes, scheme: options.scheme }
  const built = await buildAndSay(build, output)
  if (built !== 0) return built
  const deck = path.join(build.out, `${options.deck}.md`)
  if (!existsSync(deck)) throw new UserError(presentMessages.deckMissing(deck), 1)
  if (options.lan) return presentToRoom(deck, options.deck, { ...options.lan, port: options.port }, stop, output)

  // Ctrl-C while Slidev starts stops it at once, rather than after it answers.
  const starting = new AbortController()
  let stopRequested = false
  void stopped.then(() => {
    stopRequested = true
    starting.abort()
  })
  let server: SlidevServer
  try {
    server = await startSlidev({ deck, port: options.port, signal: starting.signal })
  } catch (error) {
    if (stopRequested) {
      output.out(presentMessages.stopped())
      return 0
    }
    output.err(presentMessages.slidevFailed((error as Error).message))
    return 1
  }
  // Live editing: a save of the brief or its extras rebuilds the decks, and Slidev's hot
  // reload shows them in the open views. A brief with problems keeps the last good decks.
  const stopWatching = watchFiles([brief, extrasPathFor(brief)], async () => {
    const code = await buildAndSay(build, output).catch((error: unknown) => {
      output.err(presentMessages.rebuildFailed(error instanceof Error ? error.message : String(error)))
      return 1
    })
    output.out(code === 0 ? presentMessages.rebuilt() : presentMessages.keptLastGood())
  })
  try {
    const { audience, presenter } = presentingUrls(server.url)
    output.out(presentMessages.serving(options.deck, audience, presenter))
    const exited = new Promise<'exited'>((resolve) => server.process.once('exit', () => resolve('exited')))
    const why = await Promise.race([stopped, exited])
    // Ctrl-C in a terminal reaches Slidev too, and it may exit first: that is still a stop.
    const signalled = ['SIGINT', 'SIGTERM'].includes(server.process.signalCode ?? '')
    if (why === 'exited' && !signalled) {
      output.err(presentMessages.slidevExited(server.process.exitCode))
      return 1
    }
    output.out(presentMessages.stopped())
    return 0
  } finally {
    stopWatching()
    await server.stop()
  }
}

/** True when nothing listens on `port`, on either loopback address Slidev may use. */
export async function isPortFree(port: number): Promise<boolean> {
  for (const host of ['127.0.0.1', '::1']) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer()
      probe.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'EADDRNOTAVAIL'))
      probe.listen(port, host, () => probe.close(() => resolve(true)))
    })
    if (!free) return false
  }
  return true
}

/** Settles on the first Ctrl-C (SIGINT) or SIGTERM. */
export function interrupted(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off('SIGINT', done)
      process.off('SIGTERM', done)
      resolve()
    }
    process.on('SIGINT', done)
    process.on('SIGTERM', done)
  })
}

/** The process edge: arguments in, exit code out; only bugs print a stack. */
export async function main(argv: string[], output: Output = consoleOutput, stop: () => Promise<void> = interrupted): Promise<number> {
  return runCli(() => parseStartArgs(argv), START_USAGE, (options) => runStart(options, stop(), output), output)
}
