import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Browser, Page } from 'playwright-chromium'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../../scripts/browser/find.ts'
import { runSite } from '../../scripts/cli/site.ts'
import { VARIANTS, variantLangs } from '../../scripts/deck/variant.ts'
import { PROJECT_ROOT, type Desk } from '../../scripts/project.ts'
import { secondsToSay } from '../support/speaking-time.ts'
import { taggedBrief } from '../support/tagged-brief.ts'
import { serveStatic } from './static-server.ts'
import { deskTempDir } from '../support/tmp.ts'
import { ledeSource } from '../support/brief-oracle.ts'

let root: string
let siteDir: string
let browser: Browser
let server: Awaited<ReturnType<typeof serveStatic>>
let page: Page
const requests: string[] = []
const printed: string[] = []
let code: number

beforeAll(async () => {
  // Decks two folders below a desk, as slides/NAME/ is below the project (see tests/present/briefings.test.ts).
  root = await deskTempDir('desk')
  const desk: Desk = { content: path.join(root, 'content'), slides: path.join(root, 'slides') }
  await mkdir(desk.content)
  await writeFile(path.join(desk.content, 'alpha.txt'), taggedBrief('Alpha'))
  await writeFile(path.join(desk.content, 'alpha.deck.yaml'), `date: 2026-11-20\ntitle:\n  zh-Hant: 甲號簡報的標題\n  en: The Alpha briefing\n  ${ledeSource(taggedBrief('Alpha'))}\n`)
  await writeFile(path.join(desk.content, 'beta.txt'), taggedBrief('Beta'))
  await writeFile(path.join(desk.content, 'beta.deck.yaml'), `title:\n  zh-Hant: 乙號簡報的標題\n  en: The Beta briefing\n  ${ledeSource(taggedBrief('Beta'))}\n`)
  siteDir = path.join(root, 'site')
  const record = (line: string) => printed.push(line)
  code = await runSite({ decks: [...VARIANTS], out: siteDir, source: { names: [], desk }, public: false, noCache: false, downloads: true }, { out: record, err: record })
  server = await serveStatic(siteDir)
  browser = await launchBrowser()
  page = await browser.newPage()
  page.on('request', (request) => requests.push(request.url()))
  await page.goto(`${server.url}/`)
  await page.evaluate(() => document.fonts.ready)
}, 900_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
  if (root) await rm(root, { recursive: true, force: true })
})

describe('the site of a desk of briefings', () => {
  it('is built', () => {
    expect(code, printed.join('\n')).toBe(0)
  })

  it('lists every briefing with both titles, its date, slide count and speaking time', async () => {
    const briefings = await page.locator('article.briefing').evaluateAll((items) =>
      items.map((item) => ({
        id: item.id,
        titles: [...item.querySelectorAll('h2 [lang]')].map((span) => `${span.getAttribute('lang')}: ${span.textContent}`),
        meta: item.querySelector('.meta')?.textContent,
        times: [...item.querySelectorAll('.time')].map((time) => time.textContent),
      })),
    )
    expect(briefings.map((b) => b.id)).toEqual(['alpha', 'beta'])
    expect(briefings[0]!.titles).toEqual(['zh-Hant: 甲號簡報的標題', 'en: The Alpha briefing'])
    expect(briefings[1]!.titles).toEqual(['zh-Hant: 乙號簡報的標題', 'en: The Beta briefing'])
    expect(briefings[0]!.meta).toBe('alpha · 2026-11-20 · 4 slides')
    expect(briefings[1]!.meta).toBe('beta · undated · 4 slides')
    // The time each deck's notes take at the README's pace, reckoned here from the brief and the extras' titles.
    const titles = { alpha: { 'zh-Hant': '甲號簡報的標題', en: 'The Alpha briefing' }, beta: { 'zh-Hant': '乙號簡報的標題', en: 'The Beta briefing' } }
    for (const briefing of briefings) {
      const name = briefing.id as 'alpha' | 'beta'
      const brief = taggedBrief(name === 'alpha' ? 'Alpha' : 'Beta')
      const expected = VARIANTS.map((variant) => secondsToSay(brief, { title: titles[name] }, variantLangs(variant)).reduce((a, b) => a + b, 0))
      expect(briefing.times).toHaveLength(3)
      briefing.times.forEach((time, i) => {
        const [, minutes, seconds] = /^about (\d+):(\d\d)$/.exec(time ?? '') ?? []
        expect(minutes, `${name} ${VARIANTS[i]}: ${time}`).toBeDefined()
        // Within a second of rounding.
        expect(Math.abs(Number(minutes) * 60 + Number(seconds) - expected[i]!), `${name} ${VARIANTS[i]}: ${time}, said in ${expected[i]!.toFixed(1)} s`).toBeLessThanOrEqual(1)
      })
    }
  })

  it('links each deck, its presenter view and its downloads, and the static server answers every link', async () => {
    const links = await page.locator('a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''))
    for (const name of ['alpha', 'beta']) {
      for (const variant of VARIANTS) {
        expect(links).toEqual(
          expect.arrayContaining([
            `${name}/${variant}/`,
            `${name}/${variant}/#/presenter/1`,
            `${name}/downloads/${name}-${variant}.pdf`,
            `${name}/downloads/${name}-${variant}-handout.pdf`,
            `${name}/downloads/${name}-${variant}.pptx`,
            `${name}/downloads/${name}-${variant}.html`,
          ]),
        )
      }
    }
    expect(links).toHaveLength(2 * 3 * 6)
    for (const link of links) {
      const response = await fetch(new URL(link, `${server.url}/`))
      expect(response.status, link).toBe(200)
      expect((await response.arrayBuffer()).byteLength, link).toBeGreaterThan(500)
    }
  })

  it('sets its Chinese in Noto Sans TC from the site itself, every glyph there (no empty boxes), marked zh-Hant', async () => {
    const chinese = await page.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
      const found: { text: string; lang: string | undefined; font: string; covered: boolean }[] = []
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? ''
        if (!/\p{Script=Han}/u.test(text)) continue
        const element = node.parentElement!
        const style = getComputedStyle(element)
        found.push({
          text,
          lang: element.closest('[lang]')?.getAttribute('lang') ?? undefined,
          font: style.fontFamily,
          covered: document.fonts.check(`${style.fontWeight} ${style.fontSize} "Noto Sans TC"`, text),
        })
      }
      return found
    })
    expect(chinese.map((item) => item.text)).toEqual(['甲號簡報的標題', '乙號簡報的標題'])
    for (const item of chinese) {
      expect(item.lang).toBe('zh-Hant')
      expect(item.font).toMatch(/^"Noto Sans TC"/)
      expect(item.covered, item.text).toBe(true)
    }
    const loaded = await page.evaluate(() => [...document.fonts].filter((font) => font.status === 'loaded').map((font) => font.family))
    expect(loaded).toContain('Noto Sans TC')
    expect(requests.some((url) => /\/shared\.assets\/noto-sans-tc-[^/]+\.woff2$/.test(url))).toBe(true)
  })

  it('after one briefing changes, builds and prints that briefing alone', async () => {
    const desk: Desk = { content: path.join(root, 'content'), slides: path.join(root, 'slides') }
    // Both languages change, so all three of beta's decks do (a deck whose text is the same would be reused).
    await writeFile(path.join(desk.content, 'beta.txt'), taggedBrief('Beta').replace('Beta第二部分', 'Beta第二部分修訂').replace('Beta part two', 'Beta part two, revised'))
    const lines: string[] = []
    const record = (line: string) => lines.push(line)
    const again = await runSite({ decks: [...VARIANTS], out: siteDir, source: { names: [], desk }, public: false, noCache: false, downloads: true }, { out: record, err: record })
    expect(again, lines.join('\n')).toBe(0)
    // Beta's three decks are built again, each told as it is done (in a pipe, one line a deck), alpha's reused;
    // of the downloads only beta's are made.
    const progress = lines.filter((line) => /^briefdeck: built deck \d+ of \d+ /.test(line))
    expect(progress.map((line) => /\/slides\/(\w+)\//.exec(line)?.[1])).toEqual(['beta', 'beta', 'beta'])
    expect(lines.filter((line) => /^briefdeck: (built|reused)/.test(line) && !progress.includes(line))).toEqual([
      expect.stringMatching(/^briefdeck: built 3 decks with `slidev build`, reused the unchanged builds of 3 decks /),
    ])
    const downloads = lines.filter((line) => /^briefdeck: wrote .*downloads\//.test(line))
    expect(downloads).toHaveLength(24)
    for (const line of downloads) {
      if (line.includes('/alpha/')) expect(line).toMatch(/copied\)$/)
      else expect(line, line).not.toMatch(/copied/)
    }
    expect(downloads.filter((line) => line.includes('/beta/'))).toHaveLength(12)
  }, 900_000)

  it('makes no request outside the site', () => {
    expect(requests.length).toBeGreaterThan(1)
    expect(requests.filter((url) => !url.startsWith(`${server.url}/`))).toEqual([])
  })
})
