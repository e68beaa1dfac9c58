import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { staticBuildKey, staticBuilds } from '../builds/static-builds.ts'
import { exportFileName } from './formats.ts'
import { packOneFile } from './one-file.ts'
import { cachedOutputs, keepOutput, outputKey } from './output-cache.ts'

export interface OneFileDeck {
  /** The deck file (`slides/NAME/en.md`). */
  file: string
  /** Its name (`en`): the file written is `BRIEFING-en.html`. */
  name: string
}

/**
 * Each deck as one HTML file (scripts/export/one-file.ts), packed from the
 * deck's static build (the one the site serves; `--without-notes` for a public
 * file), and reused while neither the build's inputs nor the exporter change.
 */
export async function writeOneFiles(
  decks: OneFileDeck[],
  options: { briefing: string; public: boolean; exporter: string; noCache: boolean; stagingDir: string },
  onWritten: (name: string, file: string, ms: number, reused: boolean) => void,
): Promise<void> {
  const withoutNotes = options.public
  const keyed = await Promise.all(
    decks.map(async (deck) => ({
      ...deck,
      key: outputKey(await staticBuildKey(deck.file, { withoutNotes }), options.exporter, `${deck.name}.one-file`, withoutNotes ? 'public' : undefined),
    })),
  )
  const missing: typeof keyed = []
  for (const deck of keyed) {
    const began = Date.now()
    const name = exportFileName(options.briefing, deck.name, 'html')
    const cached = options.noCache ? undefined : await cachedOutputs(deck.key, [name])
    if (!cached) {
      missing.push(deck)
      continue
    }
    await writeFile(path.join(options.stagingDir, name), cached.get(name)!)
    onWritten(deck.name, name, Date.now() - began, true)
  }
  if (missing.length === 0) return
  const began = Date.now()
  const builds = await staticBuilds({ decks: missing.map((deck) => deck.file), withoutNotes, noCache: options.noCache })
  // The builds are the first file's time, as loading a deck is for the other formats.
  let started = began
  for (const [i, deck] of missing.entries()) {
    const name = exportFileName(options.briefing, deck.name, 'html')
    const bytes = Buffer.from(await packOneFile(builds[i]!.dir, { public: options.public }), 'utf8')
    await writeFile(path.join(options.stagingDir, name), bytes)
    await keepOutput(deck.key, name, bytes)
    onWritten(deck.name, name, Date.now() - started, false)
    started = Date.now()
  }
}
