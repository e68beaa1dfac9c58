import { existsSync } from 'node:fs'
import { link, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'

/** The cache's folder of build files kept once, each linked into every build that has it. */
export const POOL = '.pool'

/**
 * Makes each file of a cached build's `assets/` a hard link to the pool's copy
 * of it, so that the cache holds every font and shared chunk once however many
 * builds it keeps (each build carried some 6 MB of the same fonts). Vite names
 * every file by its content; a name already pooled is checked to be the same
 * bytes, and a file that differs, or a file system without hard links, leaves
 * the build its own copy.
 */
export async function poolAssets(buildDir: string, cache: string): Promise<void> {
  const assets = path.join(buildDir, 'assets')
  if (!existsSync(assets)) return
  for (const entry of await readdir(assets, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    const pooled = path.join(cache, POOL, path.relative(assets, file))
    try {
      if (!existsSync(pooled)) {
        await mkdir(path.dirname(pooled), { recursive: true })
        await link(file, pooled)
      } else if ((await readFile(file)).equals(await readFile(pooled))) {
        // Linked beside it, then renamed over it: the build never lacks the file.
        const linked = `${file}.pool-${process.pid}`
        await link(pooled, linked)
        await rename(linked, file)
      }
    } catch {
      // Another run pooled the same file at the same moment, or no hard links here: keep this copy.
    }
  }
}

/** Removes the pooled files no kept build links to any more. */
export async function prunePool(cache: string): Promise<void> {
  const pool = path.join(cache, POOL)
  if (!existsSync(pool)) return
  for (const entry of await readdir(pool, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    if ((await stat(file)).nlink === 1) await rm(file, { force: true })
  }
}
