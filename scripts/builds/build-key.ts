import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { PROJECT_ROOT } from '../project.ts'

/**
 * What Slidev reads besides the deck itself, in any root it uses: the
 * project root (every deck names it as an addon) and the deck's own folder
 * (Slidev's user root). A file that can change a build and is left out here
 * would let a stale build be reused, so the list errs on the side of more.
 */
export const SLIDEV_INPUTS = [
  'components',
  'layouts',
  'setup',
  'styles',
  'public',
  'style.css',
  'index.html',
  'custom-nav-controls.vue',
  'global-top.vue',
  'global-bottom.vue',
  'vite.config.ts',
  'vite.config.js',
  'vite.config.mjs',
  'uno.config.ts',
  'unocss.config.ts',
  'package.json',
]

/**
 * Installed packages whose files end up in a build (fonts, Slidev, its
 * theme, Vue): each one's package.json, whose version changes with its files.
 * The lockfile covers the rest of node_modules.
 */
export const PACKAGE_INPUTS = [
  '@fontsource/noto-emoji',
  '@fontsource/noto-sans',
  '@fontsource/noto-sans-tc',
  '@slidev/cli',
  '@slidev/client',
  '@slidev/theme-default',
  'vue',
]

export interface KeyInput {
  /** The deck's markdown, as it will be built. */
  deckText: string
  /** Everything else that changes the build: Slidev's flags, the base path. */
  flags: string[]
  /** Folders Slidev reads its inputs from (project root, deck folder). */
  roots: string[]
  /** The project's lockfile and node_modules. */
  lockfile: string
  nodeModules: string
}

/** A hash of everything that shapes a static build of one deck: equal keys, equal builds. */
export async function buildKey(input: KeyInput): Promise<string> {
  const hash = createHash('sha256')
  const add = (label: string, data: string | Buffer) => {
    hash.update(`${label}\0${data.length}\0`)
    hash.update(data)
  }
  add('deck', input.deckText)
  add('flags', JSON.stringify(input.flags))
  for (const root of [...new Set(input.roots.map((root) => path.resolve(root)))]) {
    for (const name of SLIDEV_INPUTS) {
      for (const file of await filesUnder(path.join(root, name))) add(`file:${path.relative(root, file)}`, await readFile(file))
    }
  }
  add('lockfile', existsSync(input.lockfile) ? await readFile(input.lockfile) : '')
  for (const name of PACKAGE_INPUTS) {
    const manifest = path.join(input.nodeModules, name, 'package.json')
    add(`package:${name}`, existsSync(manifest) ? await readFile(manifest) : '')
  }
  return hash.digest('hex').slice(0, 32)
}

/**
 * The key of a deck of this project as `flags` shape it: Slidev's roots are
 * the project (every deck's addon) and the deck's own folder; the packages
 * are the project's. The static builds and the export's prints both use it.
 */
export function projectDeckKey(deckText: string, deckFile: string, flags: string[]): Promise<string> {
  return buildKey({
    deckText,
    flags,
    roots: [PROJECT_ROOT, path.dirname(deckFile)],
    lockfile: path.join(PROJECT_ROOT, 'package-lock.json'),
    nodeModules: path.join(PROJECT_ROOT, 'node_modules'),
  })
}

/** A file, or every file under a folder (sorted, so the key does not depend on listing order); none if absent. */
async function filesUnder(target: string): Promise<string[]> {
  const entries = await readdir(target, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOTDIR') return 'file' as const
    if (error.code === 'ENOENT') return [] as const
    throw error
  })
  if (entries === 'file') return [target]
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !file.split(path.sep).includes('node_modules'))
    .sort()
}
