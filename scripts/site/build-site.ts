import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { readDeck } from '../export/deck.ts'
import { mapLimit } from '../export/map-limit.ts'
import { PROJECT_ROOT } from '../project.ts'
import { SLIDEV_BIN } from '../slidev/server.ts'
import { renderSiteIndex, type SiteDeck } from './index-html.ts'

export interface SiteRequest {
  /** Deck files (`slides/en.md`…); each becomes the folder of its base name. */
  decks: string[]
  out: string
  /** Leave the speaker notes out (`slidev build --without-notes`). */
  public: boolean
}

/** Builds run two at a time: one per core. */
const BUILDS_AT_ONCE = 2

/** Marks a folder as a site this tool built, so rebuilding may replace it and nothing else. */
export const SITE_MARKER = '.briefdeck-site'

export class SiteError extends Error {}

/**
 * Builds every deck with `slidev build` into its own folder (base `/NAME/`,
 * hash URLs, so a plain static server serves every view), adds the index,
 * and swaps the result in for `out` only when all of it built.
 */
export async function buildSite(request: SiteRequest, onBuilt: (deck: string, ms: number) => void = () => {}): Promise<void> {
  await assertReplaceable(request.out)
  const staging = `${request.out}.${process.pid}.tmp`
  await rm(staging, { recursive: true, force: true })
  await mkdir(staging, { recursive: true })
  try {
    const decks: SiteDeck[] = await mapLimit(request.decks, BUILDS_AT_ONCE, async (file) => {
      const started = Date.now()
      const deck = await readDeck(await readFile(file, 'utf8'), file)
      await slidevBuild(file, path.join(staging, deck.name), `/${deck.name}/`, request.public)
      onBuilt(deck.name, Date.now() - started)
      return { deck, folder: deck.name }
    })
    await writeFile(path.join(staging, 'index.html'), renderSiteIndex(decks, { public: request.public }))
    await writeFile(path.join(staging, SITE_MARKER), 'Built by `npm run site`; rebuilding replaces this folder.\n')
    const old = `${request.out}.${process.pid}.old`
    if (existsSync(request.out)) await rename(request.out, old)
    await rename(staging, request.out)
    await rm(old, { recursive: true, force: true })
  } catch (error) {
    await rm(staging, { recursive: true, force: true })
    throw error
  }
}

/** Only an absent or empty folder, or one this tool built, may be replaced. */
async function assertReplaceable(out: string): Promise<void> {
  if (!existsSync(out)) return
  const entries = await readdir(out)
  if (entries.length > 0 && !entries.includes(SITE_MARKER)) {
    throw new SiteError(`${out} holds files that \`npm run site\` did not build; choose another --out or empty it.`)
  }
}

function slidevBuild(deckFile: string, outDir: string, base: string, withoutNotes: boolean): Promise<void> {
  const args = [SLIDEV_BIN, 'build', deckFile, '--out', outDir, '--base', base, '--router-mode', 'hash', ...(withoutNotes ? ['--without-notes'] : [])]
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let log = ''
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()))
    child.once('error', reject)
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new SiteError(`slidev build ${deckFile} exited with ${code}:\n${log.slice(-4000)}`))))
  })
}
