import { cp, mkdir, readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { siteMessages } from '../messages.ts'
import { writeSiteIndex } from './build-site.ts'
import type { SiteBriefing } from './index-html.ts'
import { SITE_MARKER, SiteError, assertReplaceable, replaceSite } from './replace-site.ts'
import { shardOf } from './shard.ts'
import { readShardManifest, SHARD_MANIFEST, type ShardManifest } from './shard-manifest.ts'

export interface AssembleRequest {
  /** The folders the shards were built into (`npm run site -- --shard K/N --out DIR`). */
  shards: string[]
  out: string
  /** How a folder is named in messages. */
  show?: (dir: string) => string
}

/** Files each shard writes for itself; the joined site gets its own. */
const OWN_FILES = new Set(['index.html', SITE_MARKER, SHARD_MANIFEST])

/**
 * Joins the shards of a desk's site into one site: each briefing's folder
 * from the shard that built it, the files every shard shares (the index's
 * fonts…) once, and one index of every briefing in the desk's order. The
 * shards must have been built alike and hold every briefing of the desk
 * exactly once; anything else is refused before `out` is touched.
 */
export async function assembleSite(request: AssembleRequest): Promise<{ briefings: number }> {
  const show = request.show ?? ((dir: string) => dir)
  if (request.shards.length === 0) throw new SiteError(siteMessages.assembleNothing())
  await assertReplaceable(request.out)
  const shards = await Promise.all(request.shards.map(async (dir) => ({ dir, manifest: await readShardManifest(dir, show(dir)) })))
  const byName = checkShards(shards, show)
  const desk = shards[0]!.manifest.desk
  const shared = await sharedFiles(shards, show)
  await replaceSite(request.out, async (staging) => {
    for (const { dir, manifest } of shards) {
      for (const briefing of manifest.briefings) await cp(path.join(dir, briefing.name), path.join(staging, briefing.name), { recursive: true })
    }
    for (const [file, dir] of shared) {
      await mkdir(path.dirname(path.join(staging, file)), { recursive: true })
      await cp(path.join(dir, file), path.join(staging, file))
    }
    await writeSiteIndex(staging, desk.map((name) => byName.get(name)!), shards[0]!.manifest.public)
  })
  return { briefings: desk.length }
}

type Loaded = { dir: string; manifest: ShardManifest }

/** The shards agree, and hold every briefing of the desk once: returns the briefings by name. */
function checkShards(shards: Loaded[], show: (dir: string) => string): Map<string, SiteBriefing> {
  const first = shards[0]!
  const seen = new Map<string, Loaded>()
  const byName = new Map<string, SiteBriefing>()
  const where = new Map<string, Loaded>()
  for (const shard of shards) {
    const { manifest } = shard
    if (manifest.of !== first.manifest.of) throw new SiteError(siteMessages.shardsDisagree('their number of shards (N of --shard K/N)', show(first.dir), show(shard.dir)))
    if (manifest.public !== first.manifest.public) throw new SiteError(siteMessages.shardsDisagree('--public', show(first.dir), show(shard.dir)))
    if (manifest.desk.join('\n') !== first.manifest.desk.join('\n')) throw new SiteError(siteMessages.shardsDisagree("the desk's list of briefings", show(first.dir), show(shard.dir)))
    const twin = seen.get(String(manifest.shard))
    if (twin) throw new SiteError(siteMessages.shardTwice(`${manifest.shard}/${manifest.of}`, show(twin.dir), show(shard.dir)))
    seen.set(String(manifest.shard), shard)
    for (const briefing of manifest.briefings) {
      const other = where.get(briefing.name)
      if (other) throw new SiteError(siteMessages.doubled(briefing.name, show(other.dir), show(shard.dir)))
      if (!first.manifest.desk.includes(briefing.name)) throw new SiteError(siteMessages.notInDesk(briefing.name, show(shard.dir)))
      where.set(briefing.name, shard)
      byName.set(briefing.name, briefing)
    }
  }
  const missing = first.manifest.desk.filter((name) => !byName.has(name))
  if (missing.length > 0) {
    throw new SiteError(siteMessages.missing(missing, missing.map((name) => `${shardOf(name, first.manifest.of)}/${first.manifest.of}`)))
  }
  return byName
}

/**
 * The files beside the briefings' folders (the index's fonts…), each from the
 * first shard that has it: the same file in two shards must be the same bytes.
 * Checks too that each shard has the folder of every briefing it lists.
 */
async function sharedFiles(shards: Loaded[], show: (dir: string) => string): Promise<Map<string, string>> {
  const found = new Map<string, string>()
  for (const { dir, manifest } of shards) {
    const mine = new Set(manifest.briefings.map((briefing) => briefing.name))
    const top = await readdir(dir, { withFileTypes: true })
    for (const name of mine) if (!top.some((entry) => entry.name === name && entry.isDirectory())) throw new SiteError(siteMessages.folderMissing(show(dir), name))
    for (const entry of top) {
      if (mine.has(entry.name) || OWN_FILES.has(entry.name)) continue
      const files = entry.isDirectory()
        ? (await readdir(path.join(dir, entry.name), { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
        : [entry.name]
      for (const file of files) {
        const earlier = found.get(file)
        if (earlier === undefined) found.set(file, dir)
        else if (!(await readFile(path.join(earlier, file))).equals(await readFile(path.join(dir, file)))) {
          throw new SiteError(siteMessages.sharedDiffers(file, show(earlier), show(dir)))
        }
      }
    }
  }
  return found
}
