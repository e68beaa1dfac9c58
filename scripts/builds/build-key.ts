import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { PROJECT_ROOT } from '../project.ts'
import { localImports } from './local-imports.ts'

/**
 * Where Slidev looks for a deck's inputs by convention, in any root it uses:
 * the project root (every deck names it as an addon) and the deck's own
 * folder (Slidev's user root). What these files import, from this project
 * or from packages, is found by following their imports (./local-imports.ts),
 * not listed here. A file that can change a build and is left out would let
 * a stale build be reused, so the list errs on the side of more.
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
  // Vite's TypeScript transform reads its compiler options.
  'tsconfig.json',
]

/**
 * Slidev's own roots, which no file of the project imports: the CLI, its
 * client app and the theme every deck names. Their package.json changes with
 * their files; npm's record of what is installed (node_modules/.package-lock.json)
 * and the lockfile cover the rest of node_modules.
 */
export const SLIDEV_PACKAGES = ['@slidev/cli', '@slidev/client', '@slidev/theme-default']

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
  const roots = [...new Set(input.roots.map((root) => path.resolve(root)))]
  const conventional: string[] = []
  for (const root of roots) {
    for (const name of SLIDEV_INPUTS) conventional.push(...(await filesUnder(path.join(root, name))))
  }
  const { files, packages } = await localImports(conventional)
  for (const file of files) add(`file:${label(roots, file)}`, await readFile(file))
  add('lockfile', await readIfAny(input.lockfile))
  add('installed', await readIfAny(path.join(input.nodeModules, '.package-lock.json')))
  for (const name of [...new Set([...SLIDEV_PACKAGES, ...packages])].sort()) {
    add(`package:${name}`, await readIfAny(path.join(input.nodeModules, name, 'package.json')))
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

/**
 * A file's name in the key: relative to the innermost root holding it, so a
 * deck folder keeps its key wherever it is (a test's temporary folder).
 */
function label(roots: string[], file: string): string {
  const holding = roots
    .map((root, i) => ({ i, relative: path.relative(root, file) }))
    .filter(({ relative }) => !relative.startsWith('..') && !path.isAbsolute(relative))
    .sort((a, b) => a.relative.length - b.relative.length)[0]
  return holding ? `${holding.i}:${holding.relative}` : file
}

async function readIfAny(file: string): Promise<Buffer | string> {
  return existsSync(file) ? readFile(file) : ''
}
