import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { Browser } from 'playwright-chromium'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../../scripts/browser/find.ts'
import type { ExportDeck } from '../../scripts/export/deck.ts'
import { printHandout } from '../../scripts/export/handout-page.ts'

/** A4 in PDF points (210 × 297 mm); Chromium rounds the page to whole CSS pixels, within a point. */
const A4 = { width: 595.28, height: 841.89 }

const deck: ExportDeck = {
  name: 'en',
  file: 'slides/en.md',
  lang: 'en',
  title: [{ lang: 'en', text: 'Title' }],
  width: 980,
  height: 552,
  fonts: { sans: [], serif: [], mono: [] },
  slides: [1, 2].map((no) => ({ no, title: [{ lang: 'en', text: `Slide ${no}` }], notes: [{ lang: 'en', text: `Note ${no}` }], body: [], content: '' })),
}

function solidPng(): Buffer {
  const png = new PNG({ width: 98, height: 55 })
  png.data.fill(128)
  return PNG.sync.write(png)
}

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
}, 120_000)
afterAll(async () => {
  await browser?.close()
})

describe('the handout page', () => {
  it('prints one A4 page per slide', async () => {
    const { pdf } = await printHandout(browser, deck, [solidPng(), solidPng()])
    const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise
    try {
      expect(doc.numPages).toBe(2)
      for (let no = 1; no <= doc.numPages; no++) {
        const [, , width = 0, height = 0] = (await doc.getPage(no)).view
        expect(Math.abs(width - A4.width), `page ${no} width ${width}`).toBeLessThan(1)
        expect(Math.abs(height - A4.height), `page ${no} height ${height}`).toBeLessThan(1)
      }
    } finally {
      await doc.destroy()
    }
  }, 120_000)

  it('fails, rather than print a page without its slide image, when an image is missing', async () => {
    await expect(printHandout(browser, deck, [solidPng()])).rejects.toThrow(/\/slides\/2\.png/)
  }, 120_000)
})
