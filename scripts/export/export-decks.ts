import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Browser } from 'playwright-chromium'
import { launchBrowser } from '../browser/find.ts'
import { startSlidev, type SlidevServer } from '../slidev/server.ts'
import { readDeck, showOnly, type ExportDeck } from './deck.ts'
import { exportFileName, type Format } from './formats.ts'
import { printHandout } from './handout-page.ts'
import { buildPptx } from './pptx.ts'
import { captureSlides, openSlidesPage, printSlides } from './slides-page.ts'
import { mapLimit } from './map-limit.ts'
import { writeFileAtomic } from './write.ts'

/**
 * One deck at a time. Measured on two (busy) cores, the three decks took
 * 107 s two at a time and 109 s one at a time: the dev servers, pages and
 * browser compete for the same cores, so more at once only costs memory.
 */
const DEFAULT_CONCURRENCY = 1

export interface ExportRequest {
  /** Deck files (`slides/en.md`…). */
  decks: string[]
  formats: Format[]
  out: string
  /** How many decks load and print at once. */
  concurrency?: number
  /** Export the bilingual deck in one language only (the presenter's `L` modes). */
  show?: string | undefined
}

/** One file written: where, and how long it took (the deck's first file includes loading the deck). */
export interface Written {
  file: string
  deck: string
  format: Format
  ms: number
}

export interface ExportReport {
  written: Written[]
  /** Requests refused because they would have left localhost (none, normally). */
  refused: string[]
}

/**
 * Exports decks with one Chromium for all of them and one Slidev dev server
 * per deck, `concurrency` decks at a time; a deck's server runs only while
 * its files are made.
 */
export async function exportDecks(request: ExportRequest, onWritten: (written: Written) => void = () => {}): Promise<ExportReport> {
  const read = await Promise.all(request.decks.map(async (file) => readDeck(await readFile(file, 'utf8'), file)))
  const show = request.show
  const decks = show ? read.map((deck) => showOnly(deck, show)) : read
  const browser = await launchBrowser()
  try {
    const report: ExportReport = { written: [], refused: [] }
    await mapLimit(decks, request.concurrency ?? DEFAULT_CONCURRENCY, async (deck) => {
      const startedAt = Date.now()
      const server = await startSlidev({ deck: deck.file })
      try {
        await exportDeck(browser, server, deck, request, startedAt, (written) => {
          report.written.push(written)
          onWritten(written)
        }, report.refused)
      } finally {
        await server.stop()
      }
    })
    return report
  } finally {
    await browser.close()
  }
}

async function exportDeck(
  browser: Browser,
  server: SlidevServer,
  deck: ExportDeck,
  request: ExportRequest,
  startedAt: number,
  onWritten: (written: Written) => void,
  refused: string[],
): Promise<void> {
  // A deck's first file counts the time to start its server and load it.
  let started = startedAt
  const slides = await openSlidesPage(browser, server.url, deck, 2, request.show)
  try {
    const write = async (format: Format, bytes: Uint8Array) => {
      const file = path.join(request.out, exportFileName(deck.name, format))
      await writeFileAtomic(file, bytes)
      onWritten({ file, deck: deck.name, format, ms: Date.now() - started })
      started = Date.now()
    }
    if (request.formats.includes('pdf')) await write('pdf', await printSlides(slides))
    if (request.formats.includes('handout')) {
      const handout = await printHandout(browser, deck, await captureSlides(slides))
      refused.push(...handout.refused)
      await write('handout', handout.pdf)
    }
    if (request.formats.includes('pptx')) await write('pptx', await buildPptx(deck))
  } finally {
    refused.push(...slides.refused)
    await slides.close()
  }
}

