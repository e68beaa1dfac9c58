// Runs a TypeScript entry point of the project's from a bundle cached in
// node_modules/.cache/briefdeck, so that no command compiles TypeScript when it
// starts: loading the sources through tsx costs about 0.45 s a start
// (transpiling and resolving dozens of modules in a loader thread); the bundle
// loads in a few tens of milliseconds. A bundle is rebuilt with esbuild
// (~0.1 s) when one of the files it was made from, or the lockfile, is newer
// than it (the list of those files is kept beside it).
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const ROOT = path.resolve(import.meta.dirname, '..', '..')
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'briefdeck')
const LOCKFILE = path.join(ROOT, 'package-lock.json')

const mtime = (file) => statSync(file, { throwIfNoEntry: false })?.mtimeMs

/** True when the bundle is older than anything it was made from (or has no record of that). */
function stale(bundle, inputsFile) {
  const built = mtime(bundle)
  if (built === undefined) return true
  let inputs
  try {
    inputs = JSON.parse(readFileSync(inputsFile, 'utf8'))
  } catch {
    return true
  }
  return [LOCKFILE, ...inputs].some((file) => (mtime(file) ?? Infinity) > built)
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

/**
 * Runs `entry` (a path from the project root, without `.ts`) from its bundle,
 * bundling it first when it is stale. `process.argv` is the command's own.
 */
export async function runBundled(entry, { bundleDependencies = false } = {}) {
  const name = entry.replaceAll('/', '-')
  const bundle = path.join(CACHE, `${name}.mjs`)
  const inputsFile = path.join(CACHE, `${name}.inputs.json`)
  if (stale(bundle, inputsFile)) {
    const { build } = await import('esbuild')
    const result = await build({
      absWorkingDir: ROOT,
      entryPoints: [path.join(ROOT, `${entry}.ts`)],
      outfile: bundle,
      write: false,
      bundle: true,
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
    const inputs = Object.keys(result.metafile.inputs)
      .filter((input) => !input.includes('node_modules/'))
      .map((input) => path.resolve(ROOT, input))
    // Written aside and renamed, so that a second process never imports half a file.
    mkdirSync(CACHE, { recursive: true })
    for (const [file, contents] of [
      [bundle, result.outputFiles[0].contents],
      [inputsFile, JSON.stringify(inputs)],
    ]) {
      const temp = `${file}.${process.pid}.tmp`
      writeFileSync(temp, contents)
      renameSync(temp, file)
    }
  }
  await import(pathToFileURL(bundle).href)
}
