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

/** A desk of `count` synthetic briefs under `root/content`, each told apart by its number. */
async function syntheticDesk(root: string, count: number): Promise<void> {
  await rm(root, { recursive: true, force: true })
  await mkdir(path.join(root, 'content'), { recursive: true })
  for (let i = 1; i <= count; i++) {
    await writeFile(path.join(root, 'content', `brief-${i}.txt`), syntheticBrief(3, 3).replace('synthetic brief', `synthetic brief number ${i}`))
  }
}

export interface SiteSize {
  briefings: number
  bytes: number
  run: Sample
}

/**
 * The size of the site (`--public`, as the CI workflow publishes it) of a desk
 * of each of `counts` synthetic briefs: what a briefing adds is its decks' own
 * code and data and its downloads, the fonts and shared code being stored once.
 */
export async function measureSiteSizes(scratch: string, counts: number[]): Promise<SiteSize[]> {
  const sizes: SiteSize[] = []
  for (const count of counts) {
    const root = path.join(scratch, `site-size-${count}`)
    await syntheticDesk(root, count)
    const out = path.join(root, 'site')
    const run = await measure({ command: process.execPath, args: [RUNNER, root, '--public', '--out', out] })
    sizes.push({ briefings: count, bytes: await bytesIn(out), run })
  }
  return sizes
}

/**
 * A desk of `count` synthetic briefs built into a site cold (`--no-cache`),
 * once whole and once as `shards` shards plus `--assemble`, as the CI workflow
 * builds it (`--public`). `options` narrows the site (the quick mode's one deck
 * and no downloads).
 */
export async function measureShards(scratch: string, count: number, shards: number, options: string[]): Promise<ShardFigures> {
  const root = path.join(scratch, `site-desk-${count}`)
  await syntheticDesk(root, count)
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
