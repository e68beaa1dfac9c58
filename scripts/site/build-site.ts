import { existsSync, renameSync, rmSync } from 'node:fs'
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { staticBuilds, type StaticBuild } from '../builds/static-builds.ts'
import { readDeck } from '../export/deck.ts'
import { onInterrupt } from '../io/remove-on-interrupt.ts'
import { exportDecks, type Written } from '../export/export-decks.ts'
import { FORMATS, type Format } from '../export/formats.ts'
import { briefingFacts } from './briefing-facts.ts'
import { copyIndexFonts } from './index-fonts.ts'
import { renderSiteIndex, type SiteBriefing } from './index-html.ts'

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
}

/** A public site offers the slides only: handouts and PPTX carry the speaker notes. */
export function downloadFormats(publicSite: boolean): Format[] {
  return publicSite ? ['pdf'] : [...FORMATS]
}

/** Marks a folder as a site this tool built, so rebuilding may replace it and nothing else. */
export const SITE_MARKER = '.briefdeck-site'
/** The cache's own mark in each build folder: not part of the site. */
const BUILD_MARK = '.briefdeck-build'

export class SiteError extends Error {}

/**
 * Puts each deck's static build (the same builds `npm run export` prints
 * from: made, or reused when unchanged) into its own folder, adds the index,
 * and swaps the result in for `out` only when all of it is there.
 */
export async function buildSite(request: SiteRequest, onBuilds: (builds: StaticBuild[], ms: number) => void = () => {}): Promise<void> {
  await assertReplaceable(request.out)
  const started = Date.now()
  const all = request.briefings.flatMap((briefing) => briefing.decks.map((deck) => ({ briefing: briefing.name, deck })))
  const builds = await staticBuilds({ decks: all.map((item) => item.deck), withoutNotes: request.public, noCache: request.noCache ?? false })
  onBuilds(builds, Date.now() - started)
  const staging = `${request.out}.${process.pid}.tmp`
  const old = `${request.out}.${process.pid}.old`
  const release = onInterrupt(() => settleInterrupted(request.out, staging, old))
  try {
    await rm(staging, { recursive: true, force: true })
    await mkdir(staging, { recursive: true })
    const formats = downloadFormats(request.public)
    const briefings: SiteBriefing[] = request.briefings.map((briefing) => ({
      name: briefing.name,
      decks: [],
      ...(request.downloads === false ? {} : { downloads: { folder: `${briefing.name}/downloads`, formats } }),
    }))
    for (const [i, build] of builds.entries()) {
      const deck = await readDeck(await readFile(build.deck, 'utf8'), build.deck)
      const briefing = briefings.find((item) => item.name === all[i]!.briefing)!
      const folder = `${briefing.name}/${deck.name}`
      await cp(build.dir, path.join(staging, folder), { recursive: true, filter: (source) => path.basename(source) !== BUILD_MARK })
      briefing.decks.push({ deck, folder })
    }
    for (const [i, briefing] of briefings.entries()) {
      const files = request.briefings[i]!.decks
      briefing.facts = await briefingFacts(await Promise.all(briefing.decks.map(async ({ deck }) => ({ deck, markdown: await readFile(deck.file, 'utf8') }))))
      if (!briefing.downloads) continue
      const out = path.join(staging, briefing.downloads.folder)
      await mkdir(out, { recursive: true })
      // Told where each file will be once the site is in place, not in the staging folder.
      const onWritten = (written: Written) => request.onWritten?.({ ...written, file: path.join(request.out, path.relative(staging, written.file)) })
      await exportDecks({ decks: files, formats, out, noCache: request.noCache ?? false }, onWritten)
    }
    const fontFaces = await copyIndexFonts(staging)
    await writeFile(path.join(staging, 'index.html'), renderSiteIndex(briefings, { public: request.public, fontFaces }))
    await writeFile(path.join(staging, SITE_MARKER), 'Built by `npm run site`; rebuilding replaces this folder.\n')
    if (existsSync(request.out)) await rename(request.out, old)
    await rename(staging, request.out)
    await rm(old, { recursive: true, force: true })
  } finally {
    await rm(staging, { recursive: true, force: true })
    release()
  }
}

/**
 * Ctrl-C at any point of the swap leaves the old site or the whole new one,
 * and nothing beside it: between the two renames the old site goes back;
 * after them, what is left of it goes.
 */
function settleInterrupted(out: string, staging: string, old: string): void {
  if (!existsSync(out) && existsSync(old)) renameSync(old, out)
  // The removal of `old` may be under way too: retry while both remove files.
  rmSync(old, { recursive: true, force: true, maxRetries: 5 })
  rmSync(staging, { recursive: true, force: true, maxRetries: 5 })
}

/** Only an absent or empty folder, or one this tool built, may be replaced. */
async function assertReplaceable(out: string): Promise<void> {
  if (!existsSync(out)) return
  const entries = await readdir(out)
  if (entries.length > 0 && !entries.includes(SITE_MARKER)) {
    throw new SiteError(`${out} holds files that \`npm run site\` did not build; choose another --out or empty it.`)
  }
}
