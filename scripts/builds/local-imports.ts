import { existsSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'

/**
 * What a set of source files pulls in: every file of this project they import,
 * transitively, and the packages they name. A build key is made from what
 * the code actually imports, so a module the setup reaches through several
 * hops (setup/vite-plugins.ts → scripts/present/slidev-plugin.ts →
 * client-edits.ts) cannot be forgotten in a list kept by hand.
 *
 * It reads import statements with a pattern, not a parser: an import
 * mentioned in a comment is followed too, which only makes a key change
 * more often, never less.
 */
export interface Imports {
  /** The files themselves and every local file they import, sorted. */
  files: string[]
  /** Package names (`vue`, `@fontsource/noto-sans`) named by any of them, sorted. */
  packages: string[]
}

/** `from 'x'`, `import 'x'`, `import('x')` in scripts and Vue files. */
const SCRIPT_IMPORT = /(?:\bfrom|\bimport)\s*\(?\s*['"]([^'"\n]+)['"]/g
/** `@import 'x'` and `@import url(x)` in stylesheets. */
const CSS_IMPORT = /@import\s+(?:url\(\s*)?['"]?([^'")\s;]+)/g
/** Files whose imports are read; others (fonts, images, JSON) are inputs with none of their own. */
const SOURCE = /\.(?:[cm]?[jt]s|vue|css)$/
/** Extensions a specifier may leave out. */
const RESOLVE_SUFFIXES = ['', '.ts', '.js', '.mjs', '.vue', '/index.ts', '/index.js']

export async function localImports(entries: string[]): Promise<Imports> {
  const files = new Set<string>()
  const packages = new Set<string>()
  const pending = entries.map((entry) => path.resolve(entry))
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (files.has(file)) continue
    files.add(file)
    if (!SOURCE.test(file)) continue
    const source = await readFile(file, 'utf8')
    const pattern = file.endsWith('.css') ? CSS_IMPORT : SCRIPT_IMPORT
    for (const match of source.matchAll(pattern)) {
      const specifier = (match[1] ?? '').replace(/[?#].*$/, '')
      if (specifier.startsWith('.')) {
        const target = resolveLocal(path.resolve(path.dirname(file), specifier))
        if (target && !target.split(path.sep).includes('node_modules')) pending.push(target)
      } else {
        const name = packageName(specifier)
        if (name) packages.add(name)
      }
    }
  }
  return { files: [...files].sort(), packages: [...packages].sort() }
}

function resolveLocal(base: string): string | undefined {
  for (const suffix of RESOLVE_SUFFIXES) {
    const candidate = base + suffix
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate
  }
  return undefined
}

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`; none for Node's and Vite's own (`node:fs`, `#slidev/…`, `/@…`). */
function packageName(specifier: string): string | undefined {
  if (!/^[@a-z0-9]/i.test(specifier) || specifier.includes(':')) return undefined
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? (parts.length > 1 ? parts.slice(0, 2).join('/') : undefined) : parts[0]
}
