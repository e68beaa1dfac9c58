import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { exportMessages } from '../messages.ts'
import { PROJECT_ROOT } from '../project.ts'
import { SLIDEV_BIN } from '../slidev/server.ts'
import { projectDeckKey } from './build-key.ts'
import { onInterrupt, removeOnInterrupt } from '../io/remove-on-interrupt.ts'
import { poolAssets, prunePool } from './asset-pool.ts'
import type { BuildProgress } from '../io/progress.ts'
import { displayPath } from '../io/display-path.ts'

/** Where static builds are kept between runs, one folder per key. */
export const BUILD_CACHE = path.join(PROJECT_ROOT, 'node_modules', '.cache', 'briefdeck', 'builds')
/** Builds kept in the cache (each about 1 MB of its own; the fonts and shared code are pooled); the least recently used go first. */
const KEEP_BUILDS = 24
/** Marks a complete build in its folder (written last): not part of what is served. */
export const COMPLETE = '.briefdeck-build'

/**
 * Every build has the same shape so that the site and the export can share
 * it: a relative base (it works in any folder: `dist/NAME/` of a site, or
 * `/KEY/` of the export's server) and hash URLs (any static server).
 */
const COMMON_FLAGS = ['--base', './', '--router-mode', 'hash']

export interface BuildRequest {
  /** Deck files (`slides/en.md`…). */
  decks: string[]
  /** `slidev build --without-notes`, for a public site. */
  withoutNotes?: boolean
  /** Build afresh even where the cache holds a build of the same inputs. */
  noCache?: boolean
  /** Told how many decks will be built, and of each as it starts and ends (scripts/io/progress.ts). */
  progress?: BuildProgress
}

export interface StaticBuild {
  deck: string
  /** The folder holding the built site of the deck (`index.html`, `assets/`). */
  dir: string
  /** The key of its inputs: also its folder's name. */
  key: string
  /** False when it came from the cache. */
  built: boolean
}

/** A deck that cannot be built or printed; its message is for the user. */
export class BuildError extends Error {}

/**
 * A static build of each deck, reused from the cache when nothing that
 * shapes it has changed, else made with one `slidev build` call for all the
 * decks that need one (Slidev then starts once, and Vite's work on shared
 * modules is warm for the next deck).
 */
export async function staticBuilds(request: BuildRequest, cache = BUILD_CACHE): Promise<StaticBuild[]> {
  const flags = buildFlags(request)
  const builds = await Promise.all(
    request.decks.map(async (deck) => {
      const key = await staticBuildKey(deck, request)
      const dir = path.join(cache, key)
      const reuse = !request.noCache && existsSync(path.join(dir, COMPLETE))
      return { deck, dir, key, built: !reuse }
    }),
  )
  const missing = builds.filter((build) => build.built)
  request.progress?.planned(missing.length)
  // Decks of the same name from different folders would share an output folder: one call each.
  for (const group of groupByName(missing)) await buildInto(group, flags, cache, request.progress)
  const now = new Date()
  await Promise.all(builds.map((build) => utimes(build.dir, now, now)))
  await prune(cache, new Set(builds.map((build) => build.key)))
  return builds
}

function buildFlags(request: Pick<BuildRequest, 'withoutNotes'>): string[] {
  return [...COMMON_FLAGS, ...(request.withoutNotes ? ['--without-notes'] : [])]
}

/** Whether `staticBuilds` would build the deck (no complete build of its inputs in the cache, or none to be reused). */
export async function needsBuild(deck: string, request: Pick<BuildRequest, 'withoutNotes' | 'noCache'> = {}, cache = BUILD_CACHE): Promise<boolean> {
  return request.noCache === true || !existsSync(path.join(cache, await staticBuildKey(deck, request), COMPLETE))
}

/** The key (and cache folder name) of a deck's static build. */
export async function staticBuildKey(deck: string, request: Pick<BuildRequest, 'withoutNotes'> = {}): Promise<string> {
  return projectDeckKey(await readFile(deck, 'utf8'), deck, buildFlags(request))
}

function groupByName<T extends { deck: string }>(items: T[]): T[][] {
  const groups: T[][] = []
  for (const item of items) {
    const name = path.basename(item.deck)
    const group = groups.find((candidate) => !candidate.some((other) => path.basename(other.deck) === name))
    if (group) group.push(item)
    else groups.push([item])
  }
  return groups
}

/** Builds the decks into a staging folder, then moves each build to its key's folder. */
async function buildInto(builds: StaticBuild[], flags: string[], cache: string, progress: BuildProgress | undefined): Promise<void> {
  // One per call: two exports in one process (or two processes) may build at once.
  const staging = path.join(cache, `.staging.${process.pid}.${randomUUID().slice(0, 8)}`)
  const release = removeOnInterrupt(staging)
  try {
    await rm(staging, { recursive: true, force: true })
    await mkdir(staging, { recursive: true })
    // With one deck Slidev writes into --out itself, with several into --out/NAME.
    const out = builds.length === 1 ? path.join(staging, path.basename(builds[0]!.deck, '.md')) : staging
    const decks = builds.map((build) => displayPath(build.deck))
    await runSlidevBuild([...builds.map((build) => build.deck), '--out', out, ...flags], (index) => {
      // Slidev builds its entries in order, and names each as it begins: the one before it is built.
      if (index > 0) progress?.built(decks[index - 1]!)
      if (index < decks.length) progress?.started(decks[index]!)
    })
    for (const build of builds) {
      const built = path.join(staging, path.basename(build.deck, '.md'))
      await writeFile(path.join(built, COMPLETE), `slidev build ${build.deck} ${flags.join(' ')}\n`)
      await rm(build.dir, { recursive: true, force: true })
      // Another run that built the same key at the same time may have moved its build in first: keep that one.
      await rename(built, build.dir).catch((error: NodeJS.ErrnoException) => {
        if (!existsSync(path.join(build.dir, COMPLETE))) throw error
      })
      await poolAssets(build.dir, cache)
    }
  } finally {
    await rm(staging, { recursive: true, force: true })
    release()
  }
}

/**
 * Runs `slidev build`, telling `onEntry(k)` as it begins its k-th entry
 * (from 0), and `onEntry(count)` once it has built the last. Slidev prints a
 * banner before each entry it builds, its `entry` line naming the deck.
 */
function runSlidevBuild(args: string[], onEntry: (index: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    // --out is relative to the deck's folder for Slidev: give it absolute paths only.
    const child = spawn(process.execPath, [SLIDEV_BIN, 'build', ...args], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let log = ''
    let entries = 0
    let unread = ''
    child.stdout.on('data', (chunk: Buffer) => {
      log += chunk.toString()
      const lines = (unread + chunk.toString()).split('\n')
      unread = lines.pop()!
      for (const line of lines) if (ENTRY_LINE.test(stripAnsi(line))) onEntry(entries++)
    })
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()))
    // Registered after the staging folder, so it runs first: no write lands after the removal.
    const release = onInterrupt(() => child.kill('SIGKILL'))
    child.once('error', reject)
    child.once('exit', () => release())
    child.once('exit', (code, signal) => {
      if (code !== 0) return reject(new BuildError(exportMessages.buildFailed(`slidev build exited with ${code ?? signal}:\n${log.slice(-4000)}`)))
      onEntry(entries)
      resolve()
    })
  })
}

/** Slidev's banner line naming the deck it builds next (`  entry       /…/slides/NAME/en.md`). */
const ENTRY_LINE = /^\s*entry\s+\S/
const stripAnsi = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '')

/** Keeps the builds just used and the most recently used others, up to KEEP_BUILDS. */
async function prune(cache: string, used: Set<string>): Promise<void> {
  const entries = await readdir(cache, { withFileTypes: true }).catch(() => [])
  // Staging folders of a run that was killed outright (SIGKILL, power loss) go too.
  for (const entry of entries) {
    const pid = /^\.staging\.(\d+)\./.exec(entry.name)?.[1]
    if (pid && !isRunning(Number(pid))) await rm(path.join(cache, entry.name), { recursive: true, force: true })
  }
  const others = await Promise.all(
    entries
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && !used.has(entry.name))
      .map(async (entry) => ({ dir: path.join(cache, entry.name), at: (await stat(path.join(cache, entry.name))).mtimeMs })),
  )
  others.sort((a, b) => b.at - a.at)
  for (const old of others.slice(Math.max(0, KEEP_BUILDS - used.size))) await rm(old.dir, { recursive: true, force: true })
  await prunePool(cache)
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
