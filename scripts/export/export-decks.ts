import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Browser } from 'playwright-chromium'
import { launchBrowser } from '../browser/find.ts'
import { projectDeckKey } from '../builds/build-key.ts'
import { forAudience, readDeck, showOnly, type ExportDeck } from './deck.ts'
import { exportFileName, type Format } from './formats.ts'
import { cachedOutputs, exporterKey, keepOutput, outputKey, pruneOutputs } from './output-cache.ts'
import { renderHandout } from './handout-html.ts'
import { renderScript } from './script-html.ts'
import { printHandout } from './handout-page.ts'
import { openPrintTab, printSlides, showSlides, type PrintTab } from './slides-page.ts'
import { stageOutputs } from './stage-outputs.ts'

export interface ExportRequest {
  /** The briefing the decks belong to: the files' names begin with it (`water-en.pdf`). */
  briefing: string
  /** Deck files (`slides/en.md`…). */
  decks: string[]
  formats: Format[]
  out: string
  /** Export the bilingual deck in one language only (the presenter's `L` modes). */
  show?: string | undefined
  /**
   * Handouts for the speaker: the notes with the presenter's lines (each slide's
   * budget, its source lines, the slot). By default a handout is the audience's:
   * the slide and its notes only.
   */
  speaker?: boolean
  /** Make every file afresh instead of reusing one made from the same inputs. */
  noCache?: boolean
  /** The one-file decks (`html`) without notes, pacing or presenter view, to hand out. */
  public?: boolean
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
  /** Requests the print pages made for anything but their own site, refused (none, normally). */
  refused: string[]
}

/**
 * Exports decks by printing them in one Chromium: each deck's slides are
 * rendered from its markup into a print page (scripts/print/), with the
 * decks' own components and stylesheets, so the pages look like the slides
 * Slidev presents, without building or serving a Slidev app. A deck whose
 * inputs (its text, the components and styles, the packages, this
 * exporter, the browser) are all unchanged reuses its earlier files. The
 * files are made in a staging folder and moved into `out` together at the
 * end: an interrupted export leaves the old files.
 */
export async function exportDecks(request: ExportRequest, onWritten: (written: Written) => void = () => {}): Promise<ExportReport> {
  const read = await Promise.all(
    request.decks.map(async (file) => {
      const text = await readFile(file, 'utf8')
      // Everything besides this exporter that shapes a deck's pages: its text, and what Slidev would build it with.
      return { deck: await readDeck(text, file), key: await projectDeckKey(text, file, ['print']) }
    }),
  )
  const show = request.show
  const exporter = await exporterKey()
  const report: ExportReport = { written: [], refused: [] }
  const record = (written: Written) => {
    report.written.push(written)
    onWritten(written)
  }
  const pending: { deck: ExportDeck; key: string }[] = []
  // The one-file deck is packed from a static build, not printed; a deck shown in one language has none (it switches live).
  const printed = request.formats.filter((format) => format !== 'html')
  const staged = await stageOutputs(request.out)
  let browser: Browser | undefined
  try {
    if (request.formats.includes('html') && !show) {
      const { writeOneFiles } = await import('./one-file-export.ts')
      const decks = read.map(({ deck }) => ({ file: deck.file, name: deck.name }))
      const options = { briefing: request.briefing, public: request.public ?? false, exporter, noCache: request.noCache ?? false, stagingDir: staged.path }
      await writeOneFiles(decks, options, (deck, name, ms, reused) => record({ file: path.join(request.out, name), deck, format: 'html', ms, reused }))
    }
    for (const { deck: whole, key: inputs } of printed.length === 0 ? [] : read) {
      const deck = show ? showOnly(whole, show) : whole
      // The speaker's handout and the audience's differ: neither is reused for the other.
      const key = outputKey(inputs, exporter, deck.name, show, request.speaker === true)
      const cached = request.noCache ? undefined : await cachedOutputs(key, printed.map((format) => exportFileName(request.briefing, deck.name, format)))
      if (!cached) {
        pending.push({ deck, key })
        continue
      }
      const began = Date.now()
      for (const format of printed) {
        const name = exportFileName(request.briefing, deck.name, format)
        await writeFile(path.join(staged.path, name), cached.get(name)!)
        record({ file: path.join(request.out, name), deck: deck.name, format, ms: Date.now() - began, reused: true })
      }
    }
    if (pending.length > 0) {
      // Vue's renderer and UnoCSS load only for an export that prints (an export that reuses every file needs neither).
      const { makePrintSite } = await import('../print/print-site.ts')
      // Chromium starts, and opens the tab, while the pages render: one is a browser's work, the other this process's.
      // Drawn beside the slides: the handout's text and the script's, so that their fonts hold every glyph.
      const alsoDrawn = (deck: ExportDeck) => renderHandout(handoutOf(deck, request)) + (request.formats.includes('script') ? renderScript(deck) : '')
      const rendering = makePrintSite(pending.map(({ deck }) => ({ name: deck.name, deck, show, alsoDrawn: alsoDrawn(deck) })))
      rendering.catch(() => {})
      browser = await launchBrowser({ onePageAtATime: true })
      const tab = await openPrintTab(browser, rendering)
      await rendering
      try {
        for (const { deck, key } of pending) {
          await exportDeck(tab, deck, request, staged.path, async (written, bytes) => {
            await keepOutput(key, path.basename(written.file), bytes)
            record(written)
          })
        }
      } finally {
        report.refused.push(...tab.refused)
        await tab.close()
      }
    }
    await staged.commit()
    await pruneOutputs()
    return report
  } finally {
    await browser?.close()
    await staged.discard()
  }
}

/** The deck as its handout shows it: the audience's, unless the speaker's was asked for. */
function handoutOf(deck: ExportDeck, request: ExportRequest): ExportDeck {
  return request.speaker ? deck : forAudience(deck)
}

async function exportDeck(
  tab: PrintTab,
  deck: ExportDeck,
  request: ExportRequest,
  stagingDir: string,
  onWritten: (written: Written, bytes: Uint8Array) => Promise<void>,
): Promise<void> {
  // A deck's first file counts the time to load it.
  let started = Date.now()
  const write = async (format: Format, bytes: Uint8Array) => {
    const name = exportFileName(request.briefing, deck.name, format)
    await writeFile(path.join(stagingDir, name), bytes)
    await onWritten({ file: path.join(request.out, name), deck: deck.name, format, ms: Date.now() - started, reused: false }, bytes)
    started = Date.now()
  }
  if (request.formats.includes('pdf') || request.formats.includes('handout')) {
    const slides = await showSlides(tab, `/${deck.name}.html`, deck)
    if (request.formats.includes('pdf')) await write('pdf', await printSlides(slides))
    // Last: the handout takes the slides into its pages.
    if (request.formats.includes('handout')) await write('handout', await printHandout(slides, handoutOf(deck, request)))
  }
  // The script takes the slides into its pages too: from the deck's page shown afresh. It is the speaker's.
  if (request.formats.includes('script')) {
    const { printScript } = await import('./script-page.ts')
    await write('script', await printScript(await showSlides(tab, `/${deck.name}.html`, deck), deck))
  }
  // PowerPoint's writer loads only for an export that makes a PPTX.
  if (request.formats.includes('pptx')) await write('pptx', await (await import('./pptx.ts')).buildPptx(deck))
}
