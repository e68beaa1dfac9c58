/**
 * `npm run export -- --scheme dark`: every format's slides carry the dark-room scheme — the slide
 * PDF's pages and the handout's slide pictures (rendered by poppler, not by the browser that
 * printed them), the PPTX's background and text colours (its XML), the one-file deck's markup.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import JSZip from 'jszip'
import type { PNG } from 'pngjs'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { launchBrowser } from '../../scripts/browser/find.ts'
import { main as exportMain } from '../../scripts/cli/export.ts'
import { main as siteMain } from '../../scripts/cli/site.ts'
import { DEFAULT_BRIEF } from '../../scripts/project.ts'
import { TMP } from '../browser/fixture.ts'
import { currentSlide } from '../support/slide-ready.ts'
import { renderPdfPages } from './compare-images.ts'
import { serveStatic } from './static-server.ts'

/** Relative luminance (WCAG) of an sRGB colour given as 0–255 channels. */
function luminance([r, g, b]: number[]): number {
  const linear = (channel: number) => {
    const c = channel / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * linear(r!) + 0.7152 * linear(g!) + 0.0722 * linear(b!)
}

/** The pixel at a fraction of the image's width and height. */
function pixel(image: PNG, x: number, y: number): number[] {
  const i = (Math.floor(y * (image.height - 1)) * image.width + Math.floor(x * (image.width - 1))) * 4
  return [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!]
}

/** The brightest pixel of the image: the text, on a dark slide. */
function brightest(image: PNG): number {
  let most = 0
  for (let i = 0; i < image.data.length; i += 4) most = Math.max(most, luminance([image.data[i]!, image.data[i + 1]!, image.data[i + 2]!]))
  return most
}

/** The share of the image's pixels within a few levels of `colour`. */
function shareOf(image: PNG, colour: number[]): number {
  let count = 0
  for (let i = 0; i < image.data.length; i += 4) if (colour.every((value, channel) => Math.abs(image.data[i + channel]! - value) <= 6)) count++
  return count / (image.width * image.height)
}

const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)

describe('npm run export -- --scheme dark', () => {
  it('dark slides in the slide PDF, the handout\'s pictures, the PPTX (background and runs) and the one-file deck', async () => {
    const dir = path.join(TMP, 'scheme-export')
    await rm(dir, { recursive: true, force: true })
    await mkdir(dir, { recursive: true })
    // A copy of the shipped brief: its decks are built beside it, not into slides/ where other tests read them.
    const brief = path.join(dir, 'dark-room.txt')
    await writeFile(brief, await readFile(DEFAULT_BRIEF))
    const lines: string[] = []
    const output = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) }
    const out = path.join(dir, 'out')
    const code = await exportMain(['--brief', brief, '--scheme', 'dark', '--deck', 'en', '--format', 'pdf,handout,pptx,html', '--out', out], output)
    expect(code, lines.join('\n')).toBe(0)

    const pages = await renderPdfPages(path.join(out, 'dark-room-en.pdf'), 490, 276)
    expect(pages.length).toBeGreaterThan(2)
    for (const [i, page] of pages.entries()) {
      // The ground (a corner, away from any text) dark; the text light on it, at 4.5:1 or more.
      const ground = luminance(pixel(page, 0.01, 0.01))
      expect(ground, `page ${i + 1}'s ground`).toBeLessThan(0.02)
      expect(contrast(brightest(page), ground), `page ${i + 1}: its lightest text on the ground`).toBeGreaterThanOrEqual(4.5)
    }

    // The handout's pages stay paper-white; the slide picture on each is drawn on the dark ground
    // (#0f1520): a slide as wide as the text is about a quarter of an A4 page.
    const handout = await renderPdfPages(path.join(out, 'dark-room-en-handout.pdf'), 210, 297)
    expect(handout.length).toBeGreaterThan(2)
    for (const [i, page] of handout.entries()) {
      expect(luminance(pixel(page, 0.01, 0.01)), `handout page ${i + 1}'s paper`).toBeGreaterThan(0.9)
      expect(shareOf(page, [0x0f, 0x15, 0x20]), `handout page ${i + 1}: the slide's dark ground`).toBeGreaterThan(0.15)
    }

    const zip = await JSZip.loadAsync(await readFile(path.join(out, 'dark-room-en.pptx')))
    const xml = await Promise.all(Object.keys(zip.files).filter((name) => /^ppt\/(slides|slideMasters|slideLayouts)\/[^/]+\.xml$/.test(name)).map((name) => zip.file(name)!.async('string')))
    const all = xml.join('\n')
    expect(all).toMatch(/<p:bg>.*?<a:srgbClr val="0F1520"/s)
    expect(all).not.toMatch(/<p:bg>.*?<a:srgbClr val="FFFFFF"/s)
    const runColours = new Set([...all.matchAll(/<a:rPr[^>]*>\s*<a:solidFill>\s*<a:srgbClr val="([0-9A-F]{6})"/g)].map((match) => match[1]))
    // Every run in the dark scheme's colours (setup/scheme.css): none left in the light scheme's ink.
    expect([...runColours].filter((colour) => !['F3F5F9', 'B9C2D0', 'FF8F80'].includes(colour!))).toEqual([])
    expect(runColours.has('F3F5F9')).toBe(true)

    // The one-file deck, opened from disk as a presenter opens it: its slide on the dark ground.
    const browser = await launchBrowser()
    try {
      const page = await browser.newPage({ viewport: { width: 1024, height: 768 } })
      await page.goto(pathToFileURL(path.join(out, 'dark-room-en.html')).href)
      await currentSlide(page, 120_000)
      const ground = await page.evaluate(() => getComputedStyle(document.querySelector('.slidev-slide-content')!).backgroundColor)
      expect(luminance(ground.match(/\d+/g)!.slice(0, 3).map(Number)), ground).toBeLessThan(0.02)
    } finally {
      await browser.close()
    }
  }, 600_000)

  it('npm run site -- --scheme dark: the site\'s decks on the dark ground, its index as it was', async () => {
    const dir = path.join(TMP, 'scheme-site')
    await rm(dir, { recursive: true, force: true })
    await mkdir(dir, { recursive: true })
    const brief = path.join(dir, 'dark-site.txt')
    await writeFile(brief, await readFile(DEFAULT_BRIEF))
    const lines: string[] = []
    const output = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) }
    const site = path.join(dir, 'site')
    expect(await siteMain(['--brief', brief, '--scheme', 'dark', '--deck', 'en', '--no-downloads', '--out', site], output), lines.join('\n')).toBe(0)
    const server = await serveStatic(site)
    const browser = await launchBrowser()
    try {
      const page = await browser.newPage({ viewport: { width: 1024, height: 768 } })
      await page.goto(`${server.url}/dark-site/en/#/2`)
      await currentSlide(page, 120_000)
      const ground = await page.evaluate(() => getComputedStyle(document.querySelector('.slidev-slide-content')!).backgroundColor)
      expect(luminance(ground.match(/\d+/g)!.slice(0, 3).map(Number)), ground).toBeLessThan(0.02)
      await page.goto(`${server.url}/`)
      const index = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
      // The index is a page to read up close: it keeps its light ground (transparent: the browser's white).
      expect(index).toMatch(/rgba\(0, 0, 0, 0\)|rgb\(255, 255, 255\)/)
    } finally {
      await browser.close()
      await server.close()
    }
  }, 600_000)
})

