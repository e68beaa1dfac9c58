import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import { siteMessages } from '../messages.ts'
import type { SiteBriefing } from './index-html.ts'
import { SiteError } from './replace-site.ts'
import type { Shard } from './shard.ts'

/** A shard's own file: what `--assemble` needs to check the shards and write the one index. */
export const SHARD_MANIFEST = '.briefdeck-shard.json'

const langText = z.object({ lang: z.string().optional(), text: z.string() })

const manifestSchema = z.object({
  shard: z.number().int().min(1),
  of: z.number().int().min(1),
  public: z.boolean(),
  /** Every briefing of the desk, in the index's order: the shards together must hold exactly these. */
  desk: z.array(z.string()),
  /** This shard's briefings, as the index shows them (titles, facts, deck folders: never the notes). */
  briefings: z.array(
    z.object({
      name: z.string(),
      decks: z.array(z.object({ deck: z.object({ name: z.string(), title: z.array(langText) }), folder: z.string() })),
      facts: z.object({
        titles: z.array(langText),
        date: z.string().optional(),
        slides: z.number(),
        seconds: z.array(z.number().nullable()),
      }),
      downloads: z.object({ folder: z.string(), formats: z.array(z.enum(['pdf', 'handout', 'pptx'])) }).optional(),
    }),
  ),
})

export interface ShardManifest {
  shard: number
  of: number
  public: boolean
  desk: string[]
  briefings: SiteBriefing[]
}

export async function writeShardManifest(dir: string, shard: Shard, publicSite: boolean, desk: string[], briefings: SiteBriefing[]): Promise<void> {
  const manifest: ShardManifest = { shard: shard.index, of: shard.count, public: publicSite, desk, briefings }
  // JSON has no undefined: a deck without a plan is written as null, an undated briefing without date.
  await writeFile(path.join(dir, SHARD_MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`)
}

/** Reads a shard's manifest, or says why it cannot (`shown` names the folder as the user gave it). */
export async function readShardManifest(dir: string, shown: string): Promise<ShardManifest> {
  let text: string
  try {
    text = await readFile(path.join(dir, SHARD_MANIFEST), 'utf8')
  } catch {
    throw new SiteError(siteMessages.notAShard(shown))
  }
  let parsed
  try {
    parsed = manifestSchema.safeParse(JSON.parse(text))
  } catch (error) {
    throw new SiteError(siteMessages.badManifest(shown, (error as Error).message))
  }
  if (!parsed.success) throw new SiteError(siteMessages.badManifest(shown, z.prettifyError(parsed.error).replace(/\n/g, ' ')))
  const { briefings, ...rest } = parsed.data
  // JSON has no undefined: back from null and from left-out keys.
  return {
    ...rest,
    briefings: briefings.map((briefing) => ({
      ...briefing,
      facts: { ...briefing.facts, date: briefing.facts.date, seconds: briefing.facts.seconds.map((s) => s ?? undefined) },
    })),
  } as ShardManifest
}
