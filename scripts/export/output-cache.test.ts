import { mkdir, mkdtemp, readdir, rm, utimes } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { pruneOutputs } from './output-cache.ts'

const DAY = 24 * 60 * 60 * 1000
let cache: string

afterEach(async () => {
  if (cache) await rm(cache, { recursive: true, force: true })
})

/** `count` entries last used `daysAgo` days before `now`, named `prefix-N`. */
async function entries(prefix: string, count: number, daysAgo: number, now: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const dir = path.join(cache, `${prefix}-${i}`)
    await mkdir(dir, { recursive: true })
    const at = new Date(now - daysAgo * DAY - i * 1000)
    await utimes(dir, at, at)
  }
}

describe('pruneOutputs', () => {
  it('keeps every entry used this week, however many (a desk of 100 briefings), and drops old ones beyond the 60 most recent', async () => {
    cache = await mkdtemp(path.join(os.tmpdir(), 'briefdeck-outputs-'))
    const now = Date.now()
    await entries('recent', 300, 1, now)
    await entries('old', 10, 30, now)
    await pruneOutputs(cache, now)
    const left = await readdir(cache)
    expect(left.filter((name) => name.startsWith('recent'))).toHaveLength(300)
    expect(left.filter((name) => name.startsWith('old'))).toEqual([])
  })

  it('keeps the 60 most recently used entries even when all are old', async () => {
    cache = await mkdtemp(path.join(os.tmpdir(), 'briefdeck-outputs-'))
    const now = Date.now()
    await entries('old', 70, 30, now)
    await pruneOutputs(cache, now)
    const left = await readdir(cache)
    expect(left).toHaveLength(60)
    // The least recently used go: old-60 … old-69 are the oldest.
    expect(left).not.toContain('old-65')
    expect(left).toContain('old-0')
  })
})
