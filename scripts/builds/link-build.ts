import { copyFile, link, mkdir, readdir } from 'node:fs/promises'
import path from 'node:path'

/**
 * Puts a copy of a cached build at `to` made of hard links (no bytes
 * copied; a file system without them gets real copies), leaving out the
 * files named in `skip`. Whoever uses it reads it only: the files are the
 * cache's.
 */
export async function linkBuild(from: string, to: string, skip: ReadonlySet<string> = new Set()): Promise<void> {
  await mkdir(to, { recursive: true })
  for (const entry of await readdir(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || skip.has(entry.name)) continue
    const source = path.join(entry.parentPath, entry.name)
    const target = path.join(to, path.relative(from, source))
    await mkdir(path.dirname(target), { recursive: true })
    await link(source, target).catch(() => copyFile(source, target))
  }
}
