import { cp, mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { COMPLETE, staticBuilds, type StaticBuild } from '../builds/static-builds.ts'
import { readDeck, type ExportDeck } from '../export/deck.ts'
import { exportDecks, type Written } from '../export/export-decks.ts'
import { FORMATS, type Format } from '../export/formats.ts'
import { briefingFacts } from './briefing-facts.ts'
import { indexFontFaces } from './index-fonts.ts'
import { renderSiteIndex, type SiteBriefing } from './index-html.ts'
import { assertReplaceable, replaceSite } from './replace-site.ts'
import { shareDeckAssets } from './site-assets.ts'
import type { Shard } from './shard.ts'
import type { BuildProgress } from '../io/progress.ts'
import { writeShardManifest } from './shard-manifest.ts'

/** One briefing of the site: its decks go to `NAME/zh-Hant/`, `NAME/en/`… */
export interface SiteBriefingRequest {
  name: string
  /** Deck files (`slides/NAME/en.md`…); each becomes the folder of its base name. */
  decks: string[]
}

export interface SiteRequest {
  briefings: SiteBriefingRequest[]
  out: string
  /** Leave the speaker notes out (`slidev build --without-notes`). */
  public: boolean
  /** Build every deck afresh instead of reusing an unchanged build. */
  noCache?: boolean
  /** Put each deck's downloads in the site (`NAME/downloads/`): made by `npm run export`'s own code. */
  downloads?: boolean
  /** Told of each download made or reused. */
  onWritten?: (written: Written) => void
  /** This site is one shard of a desk's (`--shard K/N`): it says so, and which briefings the desk has, for `--assemble`. */
  shard?: { shard: Shard; desk: string[] }
  /** Told of the decks' builds as they go (scripts/io/progress.ts). */
  progress?: BuildProgress
}

/** A public site offers the slides only: handouts and PPTX carry the speaker notes (its one-file deck is the public one). */
export function downloadFormats(publicSite: boolean): Format[] {
  return publicSite ? ['pdf', 'html'] : [...FORMATS]
}

export { SITE_MARKER, SiteError } from './replace-site.ts'

/**
 * Puts each deck's static build (the same builds `npm run export` prints
 * from: made, or reused when unchanged) into its own folder, adds the index,
 * and swaps the result in for `out` only when all of it is there.
 */
export async function buildSite(request: SiteRequest, onBuilds: (builds: StaticBuild[], ms: number) => void = () => {}): Promise<void> {
  await assertReplaceable(request.out)
  const started = Date.now()
  const all = request.briefings.flatMap((briefing) => briefing.decks.map((deck) => ({ briefing: briefing.name, deck })))
  const builds = await staticBuilds({
    decks: all.map((item) => item.deck),
    withoutNotes: request.public,
    noCache: request.noCache ?? false,
    ...(request.progress ? { progress: request.progress } : {}),
  })
  onBuilds(builds, Date.now() - started)
  await replaceSite(request.out, async (staging) => {
    const formats = downloadFormats(request.public)
    const decks = new Map<string, { deck: ExportDeck; folder: string }[]>(request.briefings.map((briefing) => [briefing.name, []]))
    for (const [i, build] of builds.entries()) {
      const deck = await readDeck(await readFile(build.deck, 'utf8'), build.deck)
      const folder = `${all[i]!.briefing}/${deck.name}`
      await cp(build.dir, path.join(staging, folder), { recursive: true, filter: (source) => path.basename(source) !== COMPLETE })
      await shareDeckAssets(staging, folder)
      decks.get(all[i]!.briefing)!.push({ deck, folder })
    }
    const briefings: SiteBriefing[] = []
    for (const asked of request.briefings) {
      const mine = decks.get(asked.name)!
      const facts = await briefingFacts(await Promise.all(mine.map(async ({ deck }) => ({ deck, markdown: await readFile(deck.file, 'utf8') }))))
      const briefing: SiteBriefing = {
        name: asked.name,
        decks: mine.map(({ deck, folder }) => ({ deck: { name: deck.name, title: deck.title }, folder })),
        facts,
        ...(request.downloads === false ? {} : { downloads: { folder: `${asked.name}/downloads`, formats } }),
      }
      briefings.push(briefing)
      if (!briefing.downloads) continue
      const out = path.join(staging, briefing.downloads.folder)
      await mkdir(out, { recursive: true })
      // Told where each file will be once the site is in place, not in the staging folder.
      const onWritten = (written: Written) => request.onWritten?.({ ...written, file: path.join(request.out, path.relative(staging, written.file)) })
      await exportDecks({ briefing: asked.name, decks: asked.decks, formats, out, noCache: request.noCache ?? false, public: request.public }, onWritten)
    }
    await writeSiteIndex(staging, briefings, request.public)
    if (request.shard) await writeShardManifest(staging, request.shard.shard, request.public, request.shard.desk, briefings)
  })
}

/** The site's index page, set in the fonts the decks put in the site. */
export async function writeSiteIndex(siteDir: string, briefings: SiteBriefing[], publicSite: boolean): Promise<void> {
  const fontFaces = await indexFontFaces(siteDir)
  await writeFile(path.join(siteDir, 'index.html'), renderSiteIndex(briefings, { public: publicSite, fontFaces }))
}
