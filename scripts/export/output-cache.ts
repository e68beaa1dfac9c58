import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { findBrowser } from '../browser/find.ts'
import { localImports } from '../builds/local-imports.ts'
import { PROJECT_ROOT } from '../project.ts'

/** Exported files kept between runs, one folder per key. */
export const OUTPUT_CACHE = path.join(PROJECT_ROOT, 'node_modules', '.cache', 'briefdeck', 'exports')
const KEEP_OUTPUTS = 60
/** Entries used within this many days are kept, whatever their number. */
const KEEP_DAYS = 7

/** Where the exporter starts: the cached files are what it writes, so what it imports shapes them. */
const EXPORTER_ENTRY = path.join('scripts', 'export', 'export-decks.ts')

/**
 * What shapes an exported file besides the deck's static build: this
 * program's own code (printing, handout, PPTX: every file the exporter
 * imports, and the packages it names) and the browser that prints. Any
 * change to these makes every earlier file stale; a change elsewhere (a
 * test, the README, the live server) does not.
 */
export async function exporterKey(root = PROJECT_ROOT): Promise<string> {
  const hash = createHash('sha256')
  const { files, packages } = await localImports([path.join(root, EXPORTER_ENTRY)])
  for (const file of files) hash.update(`${path.relative(root, file)}\0`).update(await readFile(file))
  for (const name of packages) {
    const manifest = await readFile(path.join(root, 'node_modules', name, 'package.json')).catch(() => '')
    hash.update(`package:${name}\0`).update(manifest)
  }
  const browser = findBrowser()?.executablePath ?? ''
  const info = browser ? await stat(browser) : undefined
  hash.update(`browser\0${browser}\0${info?.size ?? 0}\0${info?.mtimeMs ?? 0}`)
  return hash.digest('hex')
}

/** The key of one deck's exports: its build, the exporter, and how it is shown. */
export function outputKey(buildKey: string, exporter: string, name: string, show: string | undefined, speaker = false): string {
  return createHash('sha256').update(`${buildKey}\0${exporter}\0${name}\0${show ?? ''}${speaker ? '\0speaker' : ''}`).digest('hex').slice(0, 32)
}

/** The cached files of `key`, by file name, if every one of `names` is there. */
export async function cachedOutputs(key: string, names: string[]): Promise<Map<string, Buffer> | undefined> {
  const dir = path.join(OUTPUT_CACHE, key)
  const found = new Map<string, Buffer>()
  for (const name of names) {
    const bytes = await readFile(path.join(dir, name)).catch(() => undefined)
    if (!bytes) return undefined
    found.set(name, bytes)
  }
  const now = new Date()
  await utimes(dir, now, now)
  return found
}

/** Keeps a file for the next run with the same key (written aside and renamed: never half a file). */
export async function keepOutput(key: string, name: string, bytes: Uint8Array): Promise<void> {
  const dir = path.join(OUTPUT_CACHE, key)
  await mkdir(dir, { recursive: true })
  const temp = path.join(dir, `.${name}.${process.pid}.tmp`)
  await writeFile(temp, bytes)
  await rename(temp, path.join(dir, name))
}

/**
 * Drops what has not been used for a while: entries used in the last
 * KEEP_DAYS stay however many there are (a desk's site exports every
 * briefing, and each must find its files on the next run); older ones
 * beyond the KEEP_OUTPUTS most recently used go.
 */
export async function pruneOutputs(cache = OUTPUT_CACHE, now = Date.now()): Promise<void> {
  const entries = await readdir(cache, { withFileTypes: true }).catch(() => [])
  const dirs = await Promise.all(
    entries.filter((entry) => entry.isDirectory()).map(async (entry) => {
      const dir = path.join(cache, entry.name)
      return { dir, at: (await stat(dir)).mtimeMs }
    }),
  )
  dirs.sort((a, b) => b.at - a.at)
  const recent = now - KEEP_DAYS * 24 * 60 * 60 * 1000
  for (const old of dirs.slice(KEEP_OUTPUTS).filter((entry) => entry.at < recent)) await rm(old.dir, { recursive: true, force: true })
}
