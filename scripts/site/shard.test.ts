import { describe, expect, it } from 'vitest'
import { parseShard, shardOf } from './shard.ts'

describe('the shard of a briefing', () => {
  it('is the first four bytes of the SHA-256 of its name, mod N, plus one', () => {
    // From `printf %s NAME | sha256sum`: alpha 8ed3f6ad…, beta f44e64e7…, gamma be9d587d…, delta 4f4a9410…, theta 973e2235…
    expect([shardOf('alpha', 3), shardOf('beta', 3), shardOf('gamma', 3), shardOf('delta', 3), shardOf('theta', 3)]).toEqual([2, 3, 3, 3, 1])
    expect([shardOf('alpha', 4), shardOf('beta', 4), shardOf('gamma', 4), shardOf('delta', 4)]).toEqual([2, 4, 2, 1])
    expect(shardOf('alpha', 1)).toBe(1)
  })

  it('shares a desk out about evenly', () => {
    const counts = [0, 0, 0, 0]
    for (let i = 0; i < 1000; i++) counts[shardOf(`briefing-${i}`, 4) - 1]!++
    for (const count of counts) expect(count).toBeGreaterThan(200)
  })
})

describe('--shard K/N', () => {
  it('reads K of N', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 })
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 })
  })

  it('refuses a K outside 1…N, or anything but K/N', () => {
    for (const text of ['0/3', '4/3', '3', '1/0', 'a/b', '-1/3', '1/3/5', '']) expect(parseShard(text), text).toBeUndefined()
  })
})
