import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Browser } from 'playwright-chromium'
import { launchBrowser } from '../browser/find.ts'
import { BuildError, staticBuilds, type StaticBuild } from '../builds/static-builds.ts'
import { exportMessages } from '../messages.ts'
import { serveFolder } from '../builds/serve-folder.ts'
import { readDeck, showOnly, type ExportDeck } from './deck.ts'
import { exportFileName, type Format } from './formats.ts'
import { cachedOutputs, exporterKey, keepOutput, outputKey, pruneOutputs } from './output-cache.ts'
import { printHandout } from './handout-page.ts'
import { buildPptx } from './pptx.ts'
import { captureSlides, openSlidesPage, printSlides } from './slides-page.ts'
import { stageOutputs } from './stage-outputs.ts'

export interface ExportRequest {
  /** Deck files (`slides/en.md`…). */
  decks: string[]
  formats: Format[]
  out: string
  /** Export the bilingual deck in one language only (the presenter's `L` modes). */
  show?: string | undefined
  /** Build every deck afresh instead of reusing an unchanged build. */
  noCache?: boolean
  /** Called once the static builds are ready. */
  onBuilds?: (builds: StaticBuild[], ms: number) => void
}

/** One file made: where it goes, and how long it took (the deck's first file includes loading the deck). */
export interface Written {
  file: string
  deck: string
  format: Format
  ms: number
  /** Copied from an earlier export with the same inputs. */
  reused: boolean
}

export interface ExportReport {
  written: Written[]
  builds: StaticBuild[]
  /** Requests refused because they would have left localhost (none, normally). */
  refused: string[]
}

/**
 * Exports decks from their static builds (made, or reused when unchanged),
 * served from a folder on the loopback address, with one Chromium for all
 * of them. A deck whose build, exporter and browser are all unchanged
 * reuses its earlier files. The files are made in a staging folder and
 * moved into `out` together at the end: an interrupted export leaves the
 * old files.
 */
export async function exportDecks(request: ExportRequest, onWritten: (written: Written) => void = () => {}): Promise<ExportReport> {
  const read = await Promise.all(request.decks.map(async (file) => readDeck(await readFile(file, 'utf8'), file)))
  for (const deck of read) if (!deck.printable) throw new BuildError(exportMessages.decksTooOld(deck.file))
  const show = request.show
  const decks = show ? read.map((deck) => showOnly(deck, show)) : read
  const started = Date.now()
  const builds = await staticBuilds({ decks: request.decks, noCache: request.noCache ?? false })
  request.onBuilds?.(builds, Date.now() - started)
  const exporter = await exporterKey()
  const report: ExportReport = { written: [], builds, refused: [] }
  const record = (written: Written) => {
    report.written.push(written)
    onWritten(written)
  }
  const staged = await stageOutputs(request.out)
  let printer: Printer | undefined
  try {
    for (const [i, deck] of decks.entries()) {
      const build = builds[i]!
      const key = outputKey(build.key, exporter, deck.name, show)
      const names = request.formats.map((format) => exportFileName(deck.name, format))
      const cached = request.noCache ? undefined : await cachedOutputs(key, names)
      if (cached) {
        const began = Date.now()
        for (const format of request.formats) {
          const name = exportFileName(deck.name, format)
          await writeFile(path.join(staged.path, name), cached.get(name)!)
          record({ file: path.join(request.out, name), deck: deck.name, format, ms: Date.now() - began, reused: true })
        }
        continue
      }
      printer ??= await startPrinter(path.dirname(build.dir))
      await exportDeck(printer.browser, `${printer.url}/${build.key}/`, deck, request, staged.path, async (written, bytes) => {
        await keepOutput(key, path.basename(written.file), bytes)
        record(written)
      }, report.refused)
    }
    await staged.commit()
    await pruneOutputs()
    return report
  } finally {
    await printer?.close()
    await staged.discard()
  }
}

interface Printer {
  browser: Browser
  url: string
  close: () => Promise<void>
}

/** The server of the builds and the one Chromium, started only when a deck needs printing. */
async function startPrinter(buildsDir: string): Promise<Printer> {
  const server = await serveFolder(buildsDir)
  try {
    const browser = await launchBrowser()
    return { browser, url: server.url, close: async () => (await browser.close(), await server.close()) }
  } catch (error) {
    await server.close()
    throw error
  }
}

async function exportDeck(
  browser: Browser,
  buildUrl: string,
  deck: ExportDeck,
  request: ExportRequest,
  stagingDir: string,
  onWritten: (written: Written, bytes: Uint8Array) => Promise<void>,
  refused: string[],
): Promise<void> {
  // A deck's first file counts the time to load it.
  let started = Date.now()
  const write = async (format: Format, bytes: Uint8Array) => {
    const name = exportFileName(deck.name, format)
    await writeFile(path.join(stagingDir, name), bytes)
    await onWritten({ file: path.join(request.out, name), deck: deck.name, format, ms: Date.now() - started, reused: false }, bytes)
    started = Date.now()
  }
  let images: Buffer[] = []
  const slides = await openSlidesPage(browser, buildUrl, deck, 2, request.show)
  try {
    if (request.formats.includes('pdf')) await write('pdf', await printSlides(slides))
    if (request.formats.includes('handout')) images = await captureSlides(slides)
  } finally {
    refused.push(...slides.refused)
    // Closed before the handout opens: one page in the browser at a time keeps its memory down.
    await slides.close()
  }
  if (request.formats.includes('handout')) {
    const handout = await printHandout(browser, deck, images)
    refused.push(...handout.refused)
    await write('handout', handout.pdf)
  }
  if (request.formats.includes('pptx')) await write('pptx', await buildPptx(deck))
}
