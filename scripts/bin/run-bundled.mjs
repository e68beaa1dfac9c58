// Runs one of the TypeScript entry points from a bundle cached in
// node_modules/.cache/briefdeck. Loading the sources through tsx costs about
// 0.45 s a start (transpiling and resolving ~40 modules in a loader thread);
// the bundle loads in a few tens of milliseconds. The bundle is rebuilt with
// esbuild (~0.1 s) whenever a source file or the lockfile is newer than it.
import { mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const ROOT = path.resolve(import.meta.dirname, '..', '..')
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'briefdeck')

/** Newest modification time of the code a bundle is made from. */
function newestSource() {
  let newest = statSync(path.join(ROOT, 'package-lock.json'), { throwIfNoEntry: false })?.mtimeMs ?? 0
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.name.endsWith('.ts') || entry.name.endsWith('.mjs')) newest = Math.max(newest, statSync(full).mtimeMs)
    }
  }
  walk(path.join(ROOT, 'scripts'))
  return newest
}

export async function runBundled(name) {
  const entry = path.join(ROOT, 'scripts', `${name}.ts`)
  const bundle = path.join(CACHE, `${name}.mjs`)
  const built = statSync(bundle, { throwIfNoEntry: false })?.mtimeMs ?? -1
  if (built < newestSource()) {
    const { build } = await import('esbuild')
    const result = await build({
      entryPoints: [entry],
      outfile: bundle,
      write: false,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'error',
      // Dependencies are bundled too (resolving them costs more than running them); some are
      // CommonJS and call require() for Node built-ins, which an ES module must provide.
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
      // The bundle lives in the cache: keep the sources' own folder for paths built from it.
      define: { 'import.meta.dirname': JSON.stringify(path.join(ROOT, 'scripts')) },
    })
    // Written aside and renamed, so that a second process never imports half a file.
    mkdirSync(CACHE, { recursive: true })
    const temp = `${bundle}.${process.pid}.tmp`
    writeFileSync(temp, result.outputFiles[0].contents)
    renameSync(temp, bundle)
  }
  await import(pathToFileURL(bundle).href)
}
