import { mkdir, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Browser } from 'playwright-chromium'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../../scripts/browser/find.ts'
import { BUILD_CACHE, staticBuildKey } from '../../scripts/builds/static-builds.ts'
import { main as exportMain } from '../../scripts/cli/export.ts'
import { main as siteMain } from '../../scripts/cli/site.ts'
import { VARIANTS, type Variant } from '../../scripts/deck/variant.ts'
import { runBuildCli } from '../support/build.ts'
import { projectTempDir } from '../support/tmp.ts'
import { differingShare, renderPdfPages } from './compare-images.ts'
import { serveStatic } from './static-server.ts'

/** Slidev's canvas at 16:9, in CSS pixels: the viewport that shows a slide at scale 1. */
const CANVAS = { width: 980, height: 552 }
/** Compared after averaging 4 × 4 blocks, with pixelmatch's colour threshold: anti-aliasing and hinting vanish, a missing or moved line does not. */
const FACTOR = 8
const THRESHOLD = 0.2
/** At most this share of the downscaled pixels may differ: a good page differs in none, a slide without its subtitle line in 0.6%. */
const MAX_DIFFERING = 0.002
/** More clicks than any slide has: Slidev shows the slide with all of them. */
const ALL_CLICKS = 99

let tmp: string
let browser: Browser
let server: Awaited<ReturnType<typeof serveStatic>>
/** What is printed, and how the site shows it: each deck, and the bilingual deck in each language alone (`--show`, the `L` key). */
const PRINTS = [
  ...VARIANTS.map((variant) => ({ name: variant, pdf: `decks-${variant}.pdf`, deck: variant, query: '' })),
  ...(['zh-Hant', 'en'] as const).map((show) => ({ name: `bilingual --show ${show}`, pdf: `decks-bilingual-${show}.pdf`, deck: 'bilingual' as Variant, query: `?show=${show}` })),
]
const printed = new Map<string, PNG[]>()
/** When each deck's static build (the site's, in the shared build cache) was last made or used: before and after the exports. */
let buildsBefore: number[] = []
let buildsAfter: number[] = []
const siteLines: string[] = []
const exportLines: string[] = []

beforeAll(async () => {
  tmp = await projectTempDir('faithful')
  const decks = path.join(tmp, 'decks')
  // A slot no other file uses: these decks' static builds are theirs alone, so no other file's build or one-file
  // export (the default set packs from the shipped decks' builds) touches the cache entries this file watches.
  const built = await runBuildCli(['--out', decks, '--minutes', '9.5'])
  if (built.code !== 0) throw new Error(built.stderr)
  const capture = (lines: string[]) => ({ out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) })
  // The slides as Slidev presents them: a static site of the decks (its downloads are the export's own, not needed here).
  expect(await siteMain(['--decks', decks, '--out', path.join(tmp, 'site'), '--no-downloads'], capture(siteLines)), siteLines.join('\n')).toBe(0)
  // Other test files use the cache at the same time: only these decks' own builds are looked at.
  const lastUsed = () => Promise.all(VARIANTS.map(async (variant) => (await stat(path.join(BUILD_CACHE, keys[variant]!))).mtimeMs))
  const keys = Object.fromEntries(await Promise.all(VARIANTS.map(async (variant) => [variant, await staticBuildKey(path.join(decks, `${variant}.md`))])))
  buildsBefore = await lastUsed()
  expect(await exportMain(['--decks', decks, '--format', 'pdf', '--out', path.join(tmp, 'out')], capture(exportLines)), exportLines.join('\n')).toBe(0)
  for (const show of ['zh-Hant', 'en']) {
    const args = ['--decks', decks, '--deck', 'bilingual', '--show', show, '--format', 'pdf', '--out', path.join(tmp, 'out')]
    expect(await exportMain(args, capture(exportLines)), exportLines.join('\n')).toBe(0)
  }
  buildsAfter = await lastUsed()
  for (const print of PRINTS) printed.set(print.name, await renderPdfPages(path.join(tmp, 'out', print.pdf), CANVAS.width, CANVAS.height))
  server = await serveStatic(path.join(tmp, 'site'))
  browser = await launchBrowser()
}, 900_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
  if (tmp) await rm(tmp, { recursive: true, force: true })
})

/** Slide `no` as Slidev presents it (the built site), every click shown. */
async function presentedSlide(variant: Variant, no: number, query: string): Promise<PNG> {
  const page = await browser.newPage({ viewport: CANVAS, deviceScaleFactor: 1, colorScheme: 'light' })
  try {
    // With --decks the briefing is named after the folder: `decks/`.
    await page.goto(`${server.url}/decks/${variant}/${query}#/${no}?clicks=${ALL_CLICKS}`, { waitUntil: 'load' })
    await page.waitForFunction(
      () =>
        document.querySelectorAll('.slidev-slide-loading').length === 0 &&
        [...document.querySelectorAll<HTMLElement>('.slidev-layout')].some((layout) => layout.checkVisibility()),
    )
    await page.evaluate(() => document.fonts.ready.then(() => undefined))
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
    return PNG.sync.read(await page.screenshot({ animations: 'disabled' }))
  } finally {
    await page.close()
  }
}

describe('the slide PDFs look like the slides as presented, every click shown', () => {
  it('prints without building a Slidev app: no static build is made', () => {
    expect(siteLines.filter((line) => /(built|reused).* 3 decks?/.test(line))).toHaveLength(1)
    expect(exportLines.join('\n')).not.toMatch(/slidev build|built \d+ decks?/)
    // A static build of them would have used (touched) or replaced these.
    expect(buildsAfter).toEqual(buildsBefore)
  })

  it.each(PRINTS)('$name: every page matches its slide', async ({ name, deck, query }) => {
    const pages = printed.get(name)!
    expect(pages.length).toBe(4)
    for (const [i, page] of pages.entries()) {
      const shown = await presentedSlide(deck, i + 1, query)
      const share = differingShare(page, shown, FACTOR, THRESHOLD)
      if (share > MAX_DIFFERING) {
        await mkdir(path.join(tmp, '..', 'faithful-failures'), { recursive: true })
        await writeFile(path.join(tmp, '..', 'faithful-failures', `${name}-${i + 1}-pdf.png`), PNG.sync.write(page))
        await writeFile(path.join(tmp, '..', 'faithful-failures', `${name}-${i + 1}-shown.png`), PNG.sync.write(shown))
      }
      expect(share, `${name} page ${i + 1} (${(share * 100).toFixed(2)}% of pixels differ)`).toBeLessThanOrEqual(MAX_DIFFERING)
    }
  }, 120_000)
})
