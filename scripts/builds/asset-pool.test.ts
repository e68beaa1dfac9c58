import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { POOL, poolAssets, prunePool } from './asset-pool.ts'

const folders: string[] = []
afterEach(async () => Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true }))))

async function cacheWith(builds: Record<string, Record<string, string>>): Promise<string> {
  const cache = await mkdtemp(path.join(os.tmpdir(), 'asset-pool-'))
  folders.push(cache)
  for (const [build, files] of Object.entries(builds)) {
    for (const [file, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(cache, build, file)), { recursive: true })
      await writeFile(path.join(cache, build, file), text)
    }
  }
  return cache
}

const inode = async (file: string) => (await stat(file)).ino

describe('the build cache’s pool', () => {
  it('keeps a file two builds share once: both builds link to one copy, their bytes unchanged', async () => {
    const font = 'a font'.repeat(1000)
    const cache = await cacheWith({
      one: { 'index.html': 'one', 'assets/noto-AbCd1234.woff2': font, 'assets/modules/vue-X.js': 'vue' },
      two: { 'index.html': 'two', 'assets/noto-AbCd1234.woff2': font, 'assets/modules/vue-X.js': 'vue' },
    })
    await poolAssets(path.join(cache, 'one'), cache)
    await poolAssets(path.join(cache, 'two'), cache)
    for (const file of ['assets/noto-AbCd1234.woff2', 'assets/modules/vue-X.js']) {
      expect(await inode(path.join(cache, 'two', file))).toBe(await inode(path.join(cache, 'one', file)))
      expect((await stat(path.join(cache, 'one', file))).nlink).toBe(3)
    }
    expect(await readFile(path.join(cache, 'two', 'assets/noto-AbCd1234.woff2'), 'utf8')).toBe(font)
    // Only assets/ is pooled: a deck's page is its own.
    expect((await stat(path.join(cache, 'two', 'index.html'))).nlink).toBe(1)
  })

  it('leaves a build its own copy of a file whose bytes differ under the same name', async () => {
    const cache = await cacheWith({ one: { 'assets/x-1.js': 'one' }, two: { 'assets/x-1.js': 'two' } })
    await poolAssets(path.join(cache, 'one'), cache)
    await poolAssets(path.join(cache, 'two'), cache)
    expect(await readFile(path.join(cache, 'two', 'assets/x-1.js'), 'utf8')).toBe('two')
    expect(await inode(path.join(cache, 'two', 'assets/x-1.js'))).not.toBe(await inode(path.join(cache, 'one', 'assets/x-1.js')))
  })

  it('drops the pooled files no build links to any more', async () => {
    const cache = await cacheWith({ one: { 'assets/kept.js': 'kept' }, two: { 'assets/gone.js': 'gone' } })
    await poolAssets(path.join(cache, 'one'), cache)
    await poolAssets(path.join(cache, 'two'), cache)
    await rm(path.join(cache, 'two'), { recursive: true })
    await prunePool(cache)
    expect(existsSync(path.join(cache, POOL, 'gone.js'))).toBe(false)
    expect(await readFile(path.join(cache, POOL, 'kept.js'), 'utf8')).toBe('kept')
  })
})
