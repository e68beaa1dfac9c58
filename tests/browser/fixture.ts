/**
 * What every browser test file shares: decks built from a brief, one Slidev
 * server per deck and one Chromium per file, each stopped in afterAll even
 * when a test fails.
 */
import { existsSync } from 'node:fs'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Browser, Page } from 'playwright-chromium'
import { afterAll, beforeAll } from 'vitest'
import { launchBrowser } from '../../scripts/browser/find.ts'
import { main as build } from '../../scripts/cli/build.ts'
import type { DeckContent } from '../../scripts/deck/content.ts'
import { VARIANTS, type Variant } from '../../scripts/deck/variant.ts'
import { buildDecks } from '../../scripts/pipeline.ts'
import { DEFAULT_BRIEF, DEFAULT_DECKS, PROJECT_ROOT, addonPathFor, existingExtras, projectRelative } from '../../scripts/project.ts'
import { startSlidev, type SlidevServer } from '../../scripts/slidev/server.ts'
import { expectedContent, type ExpectedContent } from './expect-deck.ts'
import { watch, type Traffic } from './traffic.ts'

/** Decks the tests build: gitignored. */
export const TMP = path.join(PROJECT_ROOT, 'tests', '.tmp')

/** Slidev's canvas: 980 wide at 16:9. A viewport of that size shows the slide at scale 1. */
export const CANVAS = { width: 980, height: 552 }

export interface BuiltDecks {
  /** The folder holding zh-Hant.md, en.md and bilingual.md. */
  dir: string
  /** What the decks must show, for the tests' expectations: from the brief and the deck files (expect-deck.ts). */
  expected: ExpectedContent
  /** The pipeline's model of the brief: an input for code under test (the fit estimate), never an expectation. */
  content: DeckContent
}

/** The build's messages, kept for the error when it fails (its warnings are expected here). */
function quietOutput() {
  const lines: string[] = []
  return { lines, output: { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) } }
}

/** The shipped brief's decks in slides/, built first if one is missing. */
export async function shippedDecks(): Promise<BuiltDecks> {
  if (VARIANTS.some((variant) => !existsSync(deckFile(DEFAULT_DECKS, variant)))) {
    const { lines, output } = quietOutput()
    if ((await build([], output)) !== 0) throw new Error(`npm run build failed for the shipped brief:\n${lines.join('\n')}`)
  }
  return { dir: DEFAULT_DECKS, expected: await expectedOf(DEFAULT_BRIEF, DEFAULT_DECKS), content: await contentOf(DEFAULT_BRIEF, DEFAULT_DECKS) }
}

/** Writes a brief (and its extras) under tests/.tmp/NAME and builds its decks there with the CLI. */
export async function buildBrief(name: string, brief: string, extrasYaml?: string): Promise<BuiltDecks> {
  const dir = path.join(TMP, name)
  await rm(dir, { recursive: true, force: true })
  await mkdir(dir, { recursive: true })
  const briefPath = path.join(dir, 'brief.txt')
  await writeFile(briefPath, brief)
  if (extrasYaml !== undefined) await writeFile(path.join(dir, 'brief.deck.yaml'), extrasYaml)
  const { lines, output } = quietOutput()
  const code = await build(['--brief', briefPath, '--out', dir], output)
  if (code !== 0) throw new Error(`building ${briefPath} failed with exit code ${code}:\n${lines.join('\n')}`)
  return { dir, expected: await expectedOf(briefPath, dir), content: await contentOf(briefPath, dir) }
}

export function deckFile(dir: string, variant: Variant): string {
  return path.join(dir, `${variant}.md`)
}

async function expectedOf(briefPath: string, dir: string): Promise<ExpectedContent> {
  const extrasPath = existingExtras(briefPath)
  return expectedContent(
    await readFile(briefPath, 'utf8'),
    await readFile(deckFile(dir, 'bilingual'), 'utf8'),
    extrasPath ? await readFile(extrasPath, 'utf8') : undefined,
  )
}

/** The model the decks were rendered from, by the same pure pipeline the CLI runs. */
async function contentOf(briefPath: string, outDir: string): Promise<DeckContent> {
  const extrasPath = existingExtras(briefPath)
  const result = buildDecks({
    briefFile: briefPath,
    briefBytes: await readFile(briefPath),
    ...(extrasPath ? { extras: { file: extrasPath, text: await readFile(extrasPath, 'utf8') } } : {}),
    source: projectRelative(briefPath),
    addonPath: addonPathFor(outDir),
    // As `npm run build` does by default.
    normalizePunctuation: true,
  })
  if (!result.ok) throw new Error(`the brief ${briefPath} does not build`)
  return result.content
}

/** One Chromium for the whole file: `browser()` is valid inside tests and hooks. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })
  return () => {
    if (!browser) throw new Error('the browser is not running (did beforeAll fail?)')
    return browser
  }
}

/** A deck's server, and what the first pages loaded from it did. */
export interface DeckServer extends SlidevServer {
  /**
   * The first load after the server started — what a presenter sees after
   * `npm start`: every slide (through the overview), the first slide and the
   * presenter view, with their console errors and failed requests.
   */
  firstLoad: Traffic
}

/**
 * A Slidev server for one deck, started in beforeAll and stopped in afterAll.
 * Before the tests walk it, one page loads the overview (which renders every
 * slide, so that Vite and UnoCSS have met every module), the first slide and
 * the presenter view; what that first load did is kept for the tests to check,
 * never discarded. With `cold`, the deck's Vite dependency cache is emptied
 * first, as on a fresh clone.
 */
export function useDeckServer(
  deck: () => string | Promise<string>,
  browser: () => Browser,
  options: { cold?: boolean } = {},
): () => DeckServer {
  let server: DeckServer | undefined
  beforeAll(async () => {
    const entry = await deck()
    // The deck's own Vite dependency cache, where the tests expect it (beside the deck, one folder a
    // deck), not where the code under test says it is: emptied, then shown to be filled again by this start.
    const cache = path.join(path.dirname(entry), 'node_modules', '.vite', path.basename(entry, path.extname(entry)))
    if (options.cold) await rm(cache, { recursive: true, force: true })
    const started = await startSlidev({ deck: entry })
    server = Object.assign(started, { firstLoad: await firstLoad(browser(), started.url) })
    if (options.cold && !existsSync(cache)) throw new Error(`not a cold start: the server filled no Vite cache at ${cache}`)
  }, 300_000)
  afterAll(async () => {
    await server?.stop()
  })
  return () => {
    if (!server) throw new Error('the Slidev server is not running (did beforeAll fail?)')
    return server
  }
}

/**
 * The audience window and the presenter window, opened as a presenter opens
 * them, each in a page of its own (so no navigation of ours aborts anything),
 * then the overview, which renders every slide.
 */
async function firstLoad(browser: Browser, url: string): Promise<Traffic> {
  const context = await browser.newContext({ viewport: CANVAS })
  const traffic: Traffic[] = []
  try {
    for (const route of ['/', '/presenter/1', '/overview']) {
      const page = await context.newPage()
      page.setDefaultNavigationTimeout(120_000)
      const recorder = watch(page)
      await page.goto(url + route, { waitUntil: 'networkidle' })
      await recorder.quiet()
      traffic.push(recorder.traffic())
    }
  } finally {
    await context.close()
  }
  return {
    requests: traffic.flatMap((t) => t.requests),
    failures: traffic.flatMap((t) => t.failures),
    errors: traffic.flatMap((t) => t.errors),
    dialogs: traffic.flatMap((t) => t.dialogs),
  }
}

/** Waits until the page has rendered with its fonts; DeckFit measures again after each font subset loads. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
}
