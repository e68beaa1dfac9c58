import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import path from 'node:path'

/** The site's one folder of the files (code, styles, fonts) that its decks and the index share. */
export const SHARED_ASSETS = 'shared.assets'

/** A deck's pages refer to its files as `./assets/…`: the only references outside the folder. */
const PAGE_ASSETS = /(["'(])\.\/assets\//g

/**
 * Moves the files of a deck's static build (`FOLDER/assets/`) into the site's
 * `shared.assets/`, where each is kept once, and points the deck's pages
 * there. Every deck carries the same fonts (several MB) and much the same
 * code; Vite names every file by its content, and the files refer to one
 * another relative to themselves, so the folder keeps working wherever it
 * is. A name already there is the same file — checked: a deck whose file
 * differs (which no build has made) is refused rather than mixed up.
 */
export async function shareDeckAssets(siteDir: string, deckFolder: string): Promise<void> {
  const deck = path.join(siteDir, deckFolder)
  const assets = path.join(deck, 'assets')
  const shared = path.join(siteDir, SHARED_ASSETS)
  for (const entry of await readdir(assets, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const source = path.join(entry.parentPath, entry.name)
    const target = path.join(shared, path.relative(assets, source))
    if (!existsSync(target)) {
      await mkdir(path.dirname(target), { recursive: true })
      await rename(source, target)
    } else if (!(await readFile(source)).equals(await readFile(target))) {
      throw new Error(`${path.relative(siteDir, source)} differs from ${path.relative(siteDir, target)} of another deck under the same name`)
    }
  }
  await rm(assets, { recursive: true, force: true })
  const toShared = `${path.relative(deck, shared).split(path.sep).join('/')}/`
  for (const page of (await readdir(deck)).filter((name) => name.endsWith('.html'))) {
    const html = await readFile(path.join(deck, page), 'utf8')
    await writeFile(path.join(deck, page), html.replace(PAGE_ASSETS, (_match, before: string) => `${before}${toShared}`))
  }
}
