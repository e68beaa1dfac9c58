import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { decodeHTML } from 'entities'
import { beforeAll, describe, expect, it } from 'vitest'
import { main as exportMain } from '../../scripts/cli/export.ts'
import type { Output } from '../../scripts/io/output.ts'
import { VARIANTS, type Variant } from '../../scripts/deck/variant.ts'
import { exportDecks, type ExportReport } from '../../scripts/export/export-decks.ts'
import { launchBrowser } from '../../scripts/browser/find.ts'
import { keepToPrintSite } from '../../scripts/export/offline.ts'
import { PRINT_ORIGIN } from '../../scripts/print/print-origin.ts'
import { hazardsAt, hostileBrief } from '../fixtures/hostile.ts'
import { runBuildCli } from '../support/build.ts'
import { readDeck, type ReadSlide } from '../support/deck-reader.ts'
import { projectTempDir } from '../support/tmp.ts'
import { HANDOUT_FRAME_PX } from '../../scripts/export/handout-html.ts'
import { differingShare, handoutSlides, renderPdfPages } from './compare-images.ts'
import { readHandoutPages } from './handout-pages.ts'
import { handoutProblems, shownNotes } from './handout-rules.ts'
import { readPdf, squash, type PdfFacts } from './read-pdf.ts'
import { readPptx, type PptxFacts } from './read-pptx.ts'
import { readShownText } from './shown-text.ts'

/** The decks' languages, from their headmatter `lang`. */
const DECK_LANG: Record<Variant, string> = { 'zh-Hant': 'zh-Hant', en: 'en', bilingual: 'zh-Hant' }
/** A slide title as Slidev's parser returns it: `<span v-pre lang="…">…</span>` per language. */
const TITLE_SPAN = /<span v-pre lang="[^"]+">([^<]*)<\/span>/g
/** Subsetted font names: six capitals, a plus, the face. Only the decks' faces (and Noto Emoji) may appear. */
const NOTO_SUBSET = /^[A-Z]{6}\+Noto(SansTC|Sans|Emoji)[A-Za-z]*-[A-Za-z]+$/
const NOTO_TC_SUBSET = /^[A-Z]{6}\+NotoSansTC/
/** A4 in PDF points (210 × 297 mm); Chromium rounds the page to whole CSS pixels, within a point. */
const A4 = { width: 595.28, height: 841.89 }
/**
 * A handout's slide against the slide PDF's pages, both rendered by poppler
 * and downscaled 8×: its own page differs in under 3 % of the pixels (a slide
 * drawn smaller, then scaled up: the edges of its letters; with the slides'
 * type at projection sizes, some 2.3 % for the fullest), any other slide in
 * some 7 % or more.
 */
const SAME_SLIDE_SHARE = 0.03

interface Exported {
  slides: ReadSlide[]
  pdf: PdfFacts
  /** Each page of the slide PDF: the text a reader sees on it. */
  shown: string[]
  handout: PdfFacts
  /** Each page of the handout: the text a reader sees in its notes region (below the slide's picture). */
  handoutNotes: string[]
  pptx: PptxFacts
  /** The files, for what is read from them as images. */
  files: { pdf: string; handout: string }
}

let decksDir: string
let outDir: string
let lines: { out: string[]; err: string[] }
let exitCode: number
const exported = {} as Record<Variant, Exported>
let hostile: { slides: ReadSlide[]; pdf: PdfFacts; shown: string[]; handout: PdfFacts; handoutNotes: string[]; report: ExportReport }
/**
 * Where the hostile brief's URLs point: this machine, under a `.localhost`
 * name. A print page that asked for one would not reach a server the test
 * ran (Chromium keeps a page of the print origin off loopback servers, and
 * says nothing); the export's browser refuses and lists every request that is
 * not for its own print site, and that list is what the test reads (with a
 * check below that it hears).
 */
const hostileOrigin = 'http://brief.localhost:9'

beforeAll(async () => {
  const tmp = await projectTempDir('export')
  decksDir = path.join(tmp, 'decks')
  outDir = path.join(tmp, 'out')
  const hostileDecks = path.join(tmp, 'hostile-decks')
  const hostileBriefFile = path.join(tmp, 'hostile.txt')
  await writeFile(hostileBriefFile, hostileBrief(hostileOrigin))
  for (const args of [['--out', decksDir], ['--brief', hostileBriefFile, '--out', hostileDecks]]) {
    const built = await runBuildCli(args)
    if (built.code !== 0) throw new Error(`build failed: ${built.stderr}`)
  }

  lines = { out: [], err: [] }
  const output: Output = { out: (line) => lines.out.push(line), err: (line) => lines.err.push(line) }
  // The CLI exports the three decks; the hostile deck goes through the same code beside it.
  const [code, report] = await Promise.all([
    exportMain(['--decks', decksDir, '--out', outDir], output),
    // Made afresh: a cached export would print nothing, and so request nothing.
    exportDecks({ briefing: 'hostile', decks: [path.join(hostileDecks, 'bilingual.md')], formats: ['pdf', 'handout'], out: path.join(tmp, 'hostile-out'), noCache: true }),
  ])
  exitCode = code

  for (const variant of VARIANTS) {
    const slides = await readDeck(await readFile(path.join(decksDir, `${variant}.md`), 'utf8'))
    exported[variant] = {
      slides,
      pdf: await readPdf(path.join(outDir, `decks-${variant}.pdf`)),
      shown: await readShownText(path.join(outDir, `decks-${variant}.pdf`)),
      handout: await readPdf(path.join(outDir, `decks-${variant}-handout.pdf`)),
      handoutNotes: await shownNotes(path.join(outDir, `decks-${variant}-handout.pdf`), slides),
      pptx: await readPptx(path.join(outDir, `decks-${variant}.pptx`)),
      files: { pdf: path.join(outDir, `decks-${variant}.pdf`), handout: path.join(outDir, `decks-${variant}-handout.pdf`) },
    }
  }
  const hostileSlides = await readDeck(await readFile(path.join(hostileDecks, 'bilingual.md'), 'utf8'))
  hostile = {
    slides: hostileSlides,
    pdf: await readPdf(path.join(tmp, 'hostile-out', 'hostile-bilingual.pdf')),
    shown: await readShownText(path.join(tmp, 'hostile-out', 'hostile-bilingual.pdf')),
    handout: await readPdf(path.join(tmp, 'hostile-out', 'hostile-bilingual-handout.pdf')),
    handoutNotes: await shownNotes(path.join(tmp, 'hostile-out', 'hostile-bilingual-handout.pdf'), hostileSlides),
    report,
  }
}, 600_000)

/** A slide's title as a reader sees it: each language's text, joined as the decks join them. */
function titleText(slide: ReadSlide): string {
  return [...(slide.title ?? '').matchAll(TITLE_SPAN)].map((match) => decodeHTML(match[1] ?? '')).join(' · ')
}

describe('npm run export', () => {
  it('writes the twelve files with a line each, then the total time, and nothing on stderr', () => {
    expect(exitCode).toBe(0)
    for (const variant of VARIANTS) {
      for (const file of [`decks-${variant}.pdf`, `decks-${variant}-handout.pdf`, `decks-${variant}.pptx`, `decks-${variant}.html`]) {
        expect(lines.out.filter((line) => line.includes(`wrote `) && line.includes(file))).toHaveLength(1)
      }
    }
    expect(lines.out.at(-1)).toMatch(/^briefdeck: exported 12 files in \d+\.\d s$/)
    // Nothing went wrong that the exporter knows of. Whether it stayed offline is checked below, by a server of the test's own.
    expect(lines.err).toEqual([])
  })

  describe.each(VARIANTS)('the %s deck', (variant) => {
    const deck = () => exported[variant]

    it('prints one page per slide, with the outline of the slide titles', () => {
      const { slides, pdf } = deck()
      expect(pdf.pages).toBe(slides.length)
      expect(pdf.outline).toEqual(slides.map(titleText))
    })

    it("is a tagged PDF in the deck's language, titled like the deck", () => {
      const { slides, pdf, handout } = deck()
      for (const file of [pdf, handout]) {
        expect(file.marked).toBe(true)
        expect(file.structured).toBe(true)
        expect(file.lang).toBe(DECK_LANG[variant])
        expect(file.title).toBe(titleText(slides[0]!))
      }
    })

    it('shows every headline and heading of the slides, each on its own page', () => {
      const { slides, shown } = deck()
      slides.forEach((slide, i) => {
        const page = squash(shown[i] ?? '')
        for (const text of [...slide.shown['zh-Hant'], ...slide.shown.en]) expect(page, `slide ${i + 1}`).toContain(squash(text))
      })
    })

    it("shows the lede and every bullet of its languages verbatim in the handout's notes, drawn where a reader sees them", () => {
      const { slides, handoutNotes } = deck()
      const text = squash(handoutNotes.join(''))
      const paragraphs = slides.flatMap((slide) => [...slide.notes['zh-Hant'], ...slide.notes.en])
      expect(paragraphs.length).toBeGreaterThan(slides.length)
      for (const paragraph of paragraphs) expect(text).toContain(squash(paragraph))
    })

    it("fits each slide's notes on its handout page: one page a slide, headed, none under 4 lines, notes not under 9 pt", async () => {
      const { slides, pdf, handout, files } = deck()
      expect(handout.pages).toBe(slides.length)
      expect(handoutProblems(await readHandoutPages(files.handout), slides, 1, variant)).toEqual([])
    })

    it('embeds its fonts, the Chinese text in Noto Sans TC subsets', () => {
      const { pdf, handout } = deck()
      for (const file of [pdf, handout]) {
        expect(file.fonts.length).toBeGreaterThan(0)
        for (const font of file.fonts) {
          expect(font.embedded, font.name).toBe(true)
          expect(font.name).toMatch(NOTO_SUBSET)
        }
        if (variant !== 'en') expect(file.fonts.some((font) => NOTO_TC_SUBSET.test(font.name))).toBe(true)
      }
    })

    it('prints the handout on A4 pages, each slide above its notes, in slide order', async () => {
      const { slides, handout, files } = deck()
      for (const [i, size] of handout.pageSizes.entries()) {
        expect(Math.abs(size.width - A4.width), `page ${i + 1} width ${size.width}`).toBeLessThan(1)
        expect(Math.abs(size.height - A4.height), `page ${i + 1} height ${size.height}`).toBeLessThan(1)
      }
      const images = await handoutSlides(files.handout, HANDOUT_FRAME_PX, 980, 552)
      expect(images).toHaveLength(slides.length)
      // Each slide on a page after the previous slide's, its notes after it (notes that cannot fit carry on).
      const onPages = images.map((image) => image.page)
      expect(onPages).toEqual([...onPages].sort((a, b) => a - b))
      expect(new Set(onPages).size).toBe(onPages.length)
      slides.forEach((slide, i) => {
        const page = squash(handout.pageTexts[(onPages[i] ?? 0) - 1] ?? '')
        expect(page, `handout page of slide ${i + 1}`).toContain(squash([...slide.notes['zh-Hant'], ...slide.notes.en][0] ?? ''))
      })
      // What the frame shows is that slide as the slide PDF prints it, and no other.
      const first = images[0]!.image
      const printed = await renderPdfPages(files.pdf, first.width, first.height)
      images.forEach(({ image }, i) => {
        const shares = printed.map((page) => differingShare(image, page, 8, 0.1))
        expect(shares[i], `slide ${i + 1}: differs from its page by ${shares.map((share) => share.toFixed(3)).join(' ')}`).toBeLessThan(SAME_SLIDE_SHARE)
        expect(shares.indexOf(Math.min(...shares)), `slide ${i + 1}`).toBe(i)
      })
    }, 120_000)

    // Its text, languages and builds: tests/export/pptx.test.ts.
    it("has one PowerPoint slide per slide, of text (no picture), with the slide's notes", () => {
      const { slides, pptx } = deck()
      expect(pptx.notes).toHaveLength(slides.length)
      expect(pptx.pictures).toEqual(slides.map(() => 0))
      slides.forEach((slide, i) => {
        const notes = pptx.notes[i] ?? ''
        for (const paragraph of [...slide.notes['zh-Hant'], ...slide.notes.en]) expect(notes, `slide ${i + 1}`).toContain(paragraph)
      })
    })
  })

  // The export prints every deck in one tab, each page taking the last one's place (fonts stay loaded).
  it.each(VARIANTS.slice(1))('prints the %s deck after another in one tab exactly as it prints alone: same pages, text, outline, fonts', async (variant) => {
    const alone = path.join(path.dirname(outDir), `alone-${variant}`)
    const quiet: Output = { out: () => {}, err: () => {} }
    expect(await exportMain(['--decks', decksDir, '--deck', variant, '--format', 'pdf,handout', '--no-cache', '--out', alone], quiet)).toBe(0)
    const withoutSubsetTag = (facts: PdfFacts) => ({ ...facts, fonts: facts.fonts.map((font) => font.name.replace(/^[A-Z]{6}\+/, '')).sort() })
    for (const mine of Object.values(exported[variant].files)) {
      const own = path.join(alone, path.basename(mine))
      expect(withoutSubsetTag(await readPdf(mine))).toEqual(withoutSubsetTag(await readPdf(own)))
      const { width, height } = (await readPdf(own)).pageSizes[0]!
      const [after, first] = await Promise.all([mine, own].map((file) => renderPdfPages(file, Math.round(width), Math.round(height))))
      expect(after).toHaveLength(first!.length)
      after!.forEach((page, i) => expect(differingShare(page, first![i]!, 1, 0), `${path.basename(mine)} page ${i + 1}`).toBe(0))
    }
  }, 120_000)
})

describe('exporting the hostile brief', () => {
  it('keeps every hazard literal in the handout and shows the headings on their pages of the slide PDF', () => {
    const handout = squash(hostile.handoutNotes.join(''))
    for (const hazard of hazardsAt(hostileOrigin)) expect(handout).toContain(squash(hazard))
    hostile.slides.forEach((slide, i) => {
      const page = squash(hostile.shown[i] ?? '')
      for (const text of [...slide.shown['zh-Hant'], ...slide.shown.en]) expect(page, `slide ${i + 1}`).toContain(squash(text))
    })
    expect(hostile.pdf.pages).toBe(hostile.slides.length)
    expect(hostile.pdf.outline).toEqual(hostile.slides.map(titleText))
  })

  it('draws the emoji from an embedded font, not as an empty box', () => {
    for (const file of [hostile.pdf, hostile.handout]) {
      for (const font of file.fonts) {
        expect(font.embedded, font.name).toBe(true)
        expect(font.name).toMatch(NOTO_SUBSET)
      }
      expect(file.fonts.some((font) => /^[A-Z]{6}\+NotoEmoji/.test(font.name))).toBe(true)
    }
  })

  it("requests none of the brief's URLs: the export's browser was asked for nothing but its print site", () => {
    expect(hostile.report.refused).toEqual([])
    expect(hostile.report.written.map((written) => path.basename(written.file))).toEqual(['hostile-bilingual.pdf', 'hostile-bilingual-handout.pdf'])
  })

  it("hears what a print page asks for: another site, this machine's servers, each refused and listed", async () => {
    const asked = [`${hostileOrigin}/a.png`, 'http://127.0.0.1:9/b.png', 'https://example.com/c.png']
    const browser = await launchBrowser()
    try {
      const context = await browser.newContext()
      const refused = await keepToPrintSite(context)
      await context.route(`${PRINT_ORIGIN}/**`, (route) =>
        route.fulfill({ contentType: 'text/html', body: asked.map((url) => `<img src="${url}">`).join('') }),
      )
      const page = await context.newPage()
      await page.goto(`${PRINT_ORIGIN}/deck.html`)
      // `load` waits for every image to end, refused or not.
      await page.waitForLoadState('load')
      expect(refused.sort()).toEqual([...asked].sort())
    } finally {
      await browser.close()
    }
  })
})
