import { createHash } from 'node:crypto'
import { readdir, readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { decodeHTML } from 'entities'
import type { Browser } from 'playwright-chromium'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../../scripts/browser/find.ts'
import type { Output } from '../../scripts/io/output.ts'
import { main as siteMain } from '../../scripts/cli/site.ts'
import { VARIANTS, type Variant } from '../../scripts/deck/variant.ts'
import { watch } from '../browser/traffic.ts'
import { runBuildCli } from '../support/build.ts'
import { readBriefText } from '../support/brief-oracle.ts'
import { readDeck, type ReadSlide } from '../support/deck-reader.ts'
import { DEFAULT_BRIEF } from '../../scripts/project.ts'
import { projectTempDir } from '../support/tmp.ts'
import { squash } from './read-pdf.ts'
import { offSite, walkSlides } from './site-walk.ts'
import { serveStatic } from './static-server.ts'

let decks: Record<Variant, ReadSlide[]>
/** The shipped brief, as the tests read it (never the code under test). */
let brief: ReturnType<typeof readBriefText>
let tmp: string
let siteDir: string
let publicDir: string
let browser: Browser
let server: Awaited<ReturnType<typeof serveStatic>>
let publicServer: Awaited<ReturnType<typeof serveStatic>>
const codes: number[] = []
const errors: string[] = []

beforeAll(async () => {
  tmp = await projectTempDir('site')
  const decksDir = path.join(tmp, 'decks')
  const built = await runBuildCli(['--out', decksDir])
  if (built.code !== 0) throw new Error(built.stderr)
  brief = readBriefText(await readFile(DEFAULT_BRIEF, 'utf8'))
  decks = {} as Record<Variant, ReadSlide[]>
  for (const variant of VARIANTS) decks[variant] = await readDeck(await readFile(path.join(decksDir, `${variant}.md`), 'utf8'))
  siteDir = path.join(tmp, 'site')
  publicDir = path.join(tmp, 'public')
  const output: Output = { out: () => {}, err: (line) => errors.push(line) }
  codes.push(await siteMain(['--decks', decksDir, '--out', siteDir], output))
  codes.push(await siteMain(['--decks', decksDir, '--out', publicDir, '--public'], output))
  server = await serveStatic(siteDir)
  publicServer = await serveStatic(publicDir)
  browser = await launchBrowser()
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
  await publicServer?.close()
  // Two built sites are some 80 MB.
  if (tmp) await rm(tmp, { recursive: true, force: true })
})

/** Every file of a built site, as text (binary files too: a leak could hide anywhere). */
async function siteFiles(dir: string): Promise<{ file: string; text: string }[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return Promise.all(
    entries.filter((entry) => entry.isFile()).map(async (entry) => {
      const file = path.join(entry.parentPath, entry.name)
      return { file, text: await readFile(file, 'utf8') }
    }),
  )
}

/**
 * Pieces of note text that would survive any encoding a bundle uses (letters,
 * digits and spaces only, long enough to be the notes'), leaving out those
 * the slides also show (a section's heading, the subtitle's words).
 */
function noteRuns(slides: ReadSlide[]): string[] {
  const onSlides = slides.map((slide) => decodeHTML(`${slide.title ?? ''} ${slide.content}`)).join('\n')
  return slides
    .flatMap((slide) => [...slide.notes['zh-Hant'], ...slide.notes.en])
    .flatMap((paragraph) => paragraph.split(/[^\p{L}\p{N} ]+/u))
    .map((run) => run.trim())
    // A single English word ("Therefore") also occurs in the libraries the build bundles (its PPTX
    // writer, for the print view): English runs need two words at least.
    .filter((run) => [...run].length >= 8 && (run.includes(' ') || /\p{Script=Han}/u.test(run)) && !onSlides.includes(run))
}

/** The hrefs of every link on a site's index page. */
async function indexLinks(url: string): Promise<(string | null)[]> {
  const page = await browser.newPage()
  try {
    await page.goto(`${url}/`)
    return await page.locator('a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')))
  } finally {
    await page.close()
  }
}

describe('npm run site', () => {
  it('builds both sites without complaint', () => {
    expect(codes).toEqual([0, 0])
    expect(errors).toEqual([])
  })

  it('has an index linking each deck and its presenter view', async () => {
    const links = await indexLinks(server.url)
    for (const variant of VARIANTS) expect(links).toEqual(expect.arrayContaining([`decks/${variant}/`, `decks/${variant}/#/presenter/1`]))
  })

  it('has, with --public, an index linking each deck and no presenter view', async () => {
    const links = await indexLinks(publicServer.url)
    expect(links).toEqual(expect.arrayContaining(VARIANTS.map((variant) => `decks/${variant}/`)))
    expect(links.filter((link) => /presenter/.test(link ?? ''))).toEqual([])
  })

  describe.each(VARIANTS)('the %s deck, from a plain static server', (variant) => {
    it('loads, and the arrow key walks through every slide showing its headlines, with no error, failed request or request off the site', async () => {
      const slides = decks[variant]
      const context = await browser.newContext({ viewport: { width: 980, height: 552 } })
      const page = await context.newPage()
      const recorder = watch(page)
      try {
        await page.goto(`${server.url}/decks/${variant}/`)
        await page.waitForURL(/#\/1/)
        const walked = await walkSlides(page)
        expect([...walked.keys()]).toEqual(slides.map((_, i) => i + 1))
        // A click a bullet, from the brief as the tests read it: none on the title and the bottom line.
        expect(slides.map((_, i) => walked.get(i + 1)!.clicks)).toEqual([0, 0, ...brief.en.sections.map((section) => section.points.length)])
        slides.forEach((slide, i) => {
          const { seen } = walked.get(i + 1)!
          expect(seen, `slide ${i + 1}: a text read at each click`).toHaveLength(walked.get(i + 1)!.clicks + 1)
          for (const lang of ['zh-Hant', 'en'] as const) {
            // A section's heading shows from the start; its headline j (from 1) from click j on, and not before.
            const [heading, ...headlines] = slide.shown[lang]
            seen.forEach((text, click) => {
              const where = `slide ${i + 1}, click ${click}`
              if (heading !== undefined) expect(text, where).toContain(squash(heading))
              headlines.forEach((headline, j) => {
                if (i < 2 || click > j) expect(text, where).toContain(squash(headline))
                else expect(text, `${where}: headline ${j + 1} shown before its click`).not.toContain(squash(headline))
              })
            })
          }
        })
        await recorder.quiet()
        const traffic = recorder.traffic()
        expect(traffic.requests.length).toBeGreaterThan(0)
        expect(offSite(traffic, new URL(server.url).origin)).toEqual([])
        expect(traffic.failures).toEqual([])
        expect(traffic.errors).toEqual([])
        expect(traffic.dialogs).toEqual([])
      } finally {
        await context.close()
      }
    }, 300_000)

    it("opens the presenter view with the slide's notes, with no error or failed request", async () => {
      const first = decks[variant][1]?.notes
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
      const recorder = watch(page)
      try {
        await page.goto(`${server.url}/decks/${variant}/#/presenter/2`)
        const note = page.locator('.slidev-note').first()
        await note.waitFor()
        for (const paragraph of [...(first?.['zh-Hant'] ?? []), ...(first?.en ?? [])]) await expect.poll(() => note.innerText()).toContain(paragraph)
        await recorder.quiet()
        const traffic = recorder.traffic()
        expect(offSite(traffic, new URL(server.url).origin)).toEqual([])
        expect(traffic.failures).toEqual([])
        expect(traffic.errors).toEqual([])
      } finally {
        await page.close()
      }
    })
  })

  it('holds every file once, fonts as WOFF2 only: a site within 1.15× its unique bytes', async () => {
    for (const dir of [siteDir, publicDir]) {
      const entries = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile())
      const byContent = new Map<string, { files: string[]; bytes: number }>()
      for (const entry of entries) {
        const file = path.join(entry.parentPath, entry.name)
        const bytes = await readFile(file)
        const key = createHash('sha256').update(bytes).digest('hex')
        const group = byContent.get(key) ?? { files: [], bytes: bytes.length }
        group.files.push(path.relative(dir, file))
        byContent.set(key, group)
      }
      const groups = [...byContent.values()]
      const files = groups.flatMap((group) => group.files)
      expect(files.filter((file) => /\.woff2$/.test(file)).length, dir).toBeGreaterThan(100)
      expect(files.filter((file) => /\.(woff|ttf|otf)$/.test(file)), dir).toEqual([])
      // Copies of anything bigger than a deck's page (its index.html and 404.html are the same page).
      expect(groups.filter((group) => group.files.length > 1 && group.bytes > 4096).map((group) => group.files), dir).toEqual([])
      const total = groups.reduce((sum, group) => sum + group.bytes * group.files.length, 0)
      const unique = groups.reduce((sum, group) => sum + group.bytes, 0)
      expect(total / unique, dir).toBeLessThanOrEqual(1.15)
    }
  })

  it('leaves every note out of the --public build, which the full build carries', async () => {
    const runs = [...new Set(VARIANTS.flatMap((variant) => noteRuns(decks[variant])))]
    expect(runs.length).toBeGreaterThan(20)
    const full = (await siteFiles(siteDir)).map((file) => file.text).join('\n')
    // The search finds notes where they are: otherwise an empty result below would prove nothing.
    for (const run of runs) expect(full, run).toContain(run)
    const leaks = (await siteFiles(publicDir)).flatMap(({ file, text }) => runs.filter((run) => text.includes(run)).map((run) => `${path.relative(publicDir, file)}: ${run}`))
    expect(leaks).toEqual([])
  })
})
