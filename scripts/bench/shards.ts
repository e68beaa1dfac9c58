import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { PROJECT_ROOT } from '../project.ts'
import { measure, type Sample } from './measure.ts'
import { syntheticBrief } from './synthetic.ts'

const RUNNER = path.join(PROJECT_ROOT, 'scripts', 'bench', 'run-site.mjs')
const SITE = path.join(PROJECT_ROOT, 'scripts', 'bin', 'site.mjs')

export interface ShardFigures {
  briefings: number
  shards: number
  /** The whole desk in one `npm run site`. */
  whole: Sample
  /** Each shard's run, in order: in CI they run side by side, so the longest is what a desk waits for. */
  shardRuns: Sample[]
  assemble: Sample
  /** Bytes of the assembled site, and of the one-run site (the same files: a check). */
  siteBytes: number
  wholeBytes: number
}

async function bytesIn(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const sizes = await Promise.all(entries.filter((entry) => entry.isFile()).map(async (entry) => (await stat(path.join(entry.parentPath, entry.name))).size))
  return sizes.reduce((sum, size) => sum + size, 0)
}

/**
 * A desk of `count` synthetic briefs built into a site cold (`--no-cache`),
 * once whole and once as `shards` shards plus `--assemble`, as the CI workflow
 * builds it (`--public`). `options` narrows the site (the quick mode's one deck
 * and no downloads).
 */
export async function measureShards(scratch: string, count: number, shards: number, options: string[]): Promise<ShardFigures> {
  const root = path.join(scratch, `site-desk-${count}`)
  await rm(root, { recursive: true, force: true })
  await mkdir(path.join(root, 'content'), { recursive: true })
  for (let i = 1; i <= count; i++) {
    await writeFile(path.join(root, 'content', `brief-${i}.txt`), syntheticBrief(3, 3).replace('synthetic brief', `synthetic brief number ${i}`))
  }
  const site = (args: string[]) => ({ command: process.execPath, args: [RUNNER, root, '--public', '--no-cache', ...options, ...args] })
  const whole = await measure(site(['--out', path.join(root, 'whole')]))
  const shardRuns: Sample[] = []
  const folders: string[] = []
  for (let k = 1; k <= shards; k++) {
    folders.push(path.join(root, `shard-${k}`))
    shardRuns.push(await measure(site(['--shard', `${k}/${shards}`, '--out', folders.at(-1)!])))
  }
  const joined = path.join(root, 'joined')
  const assemble = await measure({ command: process.execPath, args: [SITE, '--assemble', ...folders, '--out', joined] })
  return { briefings: count, shards, whole, shardRuns, assemble, siteBytes: await bytesIn(joined), wholeBytes: await bytesIn(path.join(root, 'whole')) }
}
