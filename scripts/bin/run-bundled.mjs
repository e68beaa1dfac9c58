// Runs a TypeScript entry point of the project's from a bundle cached in
// node_modules/.cache/briefdeck, so that no command compiles TypeScript when it
// starts: loading the sources through tsx costs about 0.45 s a start
// (transpiling and resolving dozens of modules in a loader thread); the bundle
// loads in a few tens of milliseconds. A bundle is rebuilt with esbuild
// (~0.1 s) when one of the files it was made from, or the lockfile, is newer
// than it.
//
// Bundles are split at dynamic imports: a command loads the code of its heavy
// work (Playwright, Vue's compiler, UnoCSS…) with `await import()` only when
// it does that work, so `--help` or an option error answers at once. Each
// bundling goes into a folder named by its contents, never rewritten: a
// command that started from one bundling keeps finding its chunks while
// another process writes a newer one. `NAME.json` names the current folder and
// the files it was made from.
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const ROOT = path.resolve(import.meta.dirname, '..', '..')
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'briefdeck', 'bundles')
const LOCKFILE = path.join(ROOT, 'package-lock.json')
/** Folders of older bundlings are removed once this old: no command runs that long from a superseded bundle's start. */
const OLD_BUNDLING_MS = 24 * 60 * 60 * 1000

const mtime = (file) => statSync(file, { throwIfNoEntry: false })?.mtimeMs

/** The record of the current bundling, or undefined when it is missing or older than anything it was made from. */
function current(recordFile) {
  const built = mtime(recordFile)
  if (built === undefined) return undefined
  let record
  try {
    record = JSON.parse(readFileSync(recordFile, 'utf8'))
  } catch {
    return undefined
  }
  if ([LOCKFILE, ...record.inputs].some((file) => (mtime(file) ?? Infinity) > built)) return undefined
  if (mtime(path.join(CACHE, record.folder, record.entry)) === undefined) return undefined
  return record
}

/**
 * Dependencies: the commands that must start fastest (build, start) carry theirs in
 * the bundle (resolving them costs more than running them); the others leave them
 * to Node, since some cannot be bundled (Playwright, Vue's compiler) and load only
 * when a command needs them. Slidev's UnoCSS config is TypeScript, which Node
 * alone cannot import: it is always compiled in.
 */
function dependencies(bundleThem) {
  if (bundleThem) return {}
  return {
    plugins: [
      {
        name: 'dependencies-stay-outside',
        setup(build) {
          build.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path === '@slidev/client/uno.config.ts' || args.path.startsWith('node:') ? undefined : { path: args.path, external: true },
          )
        },
      },
    ],
  }
}

async function bundle(entry, name, bundleDependencies) {
  const { build } = await import('esbuild')
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { [name]: path.join(ROOT, `${entry}.ts`) },
    outdir: path.join(CACHE, 'staging'),
    outExtension: { '.js': '.mjs' },
    write: false,
    bundle: true,
    splitting: true,
    metafile: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    // Some dependencies are CommonJS and call require() for Node built-ins, which an ES module must provide.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    // The bundle lives in the cache: every module keeps the scripts folder's path for paths built from it.
    define: { 'import.meta.dirname': JSON.stringify(path.join(ROOT, 'scripts')) },
    ...dependencies(bundleDependencies),
  })
  const hash = createHash('sha256')
  for (const file of result.outputFiles) hash.update(path.basename(file.path)).update(file.contents)
  const folder = `${name}-${hash.digest('hex').slice(0, 16)}`
  const target = path.join(CACHE, folder)
  if (mtime(target) === undefined) {
    // Written aside and renamed, so that a second process never imports half a bundling.
    const temp = `${target}.${process.pid}.tmp`
    rmSync(temp, { recursive: true, force: true })
    mkdirSync(temp, { recursive: true })
    for (const file of result.outputFiles) writeFileSync(path.join(temp, path.basename(file.path)), file.contents)
    try {
      renameSync(temp, target)
    } catch {
      // Another process wrote the same bundling first.
      rmSync(temp, { recursive: true, force: true })
    }
  }
  const inputs = Object.keys(result.metafile.inputs)
    .filter((input) => !input.includes('node_modules/'))
    .map((input) => path.resolve(ROOT, input))
  return { folder, entry: `${name}.mjs`, inputs }
}

/** Removes the folders of bundlings of `name` other than `keep` that are old enough to be unused. */
function removeOld(name, keep) {
  const now = Date.now()
  for (const entry of readdirSync(CACHE)) {
    if (entry === keep || !entry.startsWith(`${name}-`)) continue
    const at = mtime(path.join(CACHE, entry))
    if (at !== undefined && now - at > OLD_BUNDLING_MS) rmSync(path.join(CACHE, entry), { recursive: true, force: true })
  }
}

/**
 * Runs `entry` (a path from the project root, without `.ts`) from its bundle,
 * bundling it first when it is stale. `process.argv` is the command's own.
 */
export async function runBundled(entry, { bundleDependencies = false } = {}) {
  const name = entry.replaceAll('/', '-')
  const recordFile = path.join(CACHE, `${name}.json`)
  let record = current(recordFile)
  if (!record) {
    mkdirSync(CACHE, { recursive: true })
    record = await bundle(entry, name, bundleDependencies)
    const temp = `${recordFile}.${process.pid}.tmp`
    writeFileSync(temp, JSON.stringify(record))
    renameSync(temp, recordFile)
    removeOld(name, record.folder)
  }
  await import(pathToFileURL(path.join(CACHE, record.folder, record.entry)).href)
}
