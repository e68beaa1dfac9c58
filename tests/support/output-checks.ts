/**
 * The checks every output of the shipped brief gets, as functions that take
 * any brief's decks and outputs and return what is wrong, in words: the
 * generated-brief tests assert the list is empty; the corpus runner
 * (tests/corpus/run.ts) writes it in its report beside the seed.
 */
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { decodeHTML } from 'entities'
import JSZip from 'jszip'
import type { Browser } from 'playwright-chromium'
import { expectedSlides, type ExpectedContent } from '../browser/expect-deck.ts'
import { CANVAS } from '../browser/fixture.ts'
import type { LangTypography, SlideSizes } from '../browser/probes.ts'
import { isLocal } from '../browser/traffic.ts'
import { walkDeck } from '../browser/walk.ts'
import { readHandoutPages } from '../export/handout-pages.ts'
import { handoutPageBound, handoutProblems } from '../export/handout-rules.ts'
import { readPdf, squash } from '../export/read-pdf.ts'
import { readPptxSlides } from '../export/read-pptx-slides.ts'
import { readShownText } from '../export/shown-text.ts'
import type { ReadSlide } from './deck-reader.ts'

const run = promisify(execFile)

/** The slide PDF: a page a slide, and every heading and headline of a slide drawn, as text, on its page. */
export async function slidePdfProblems(file: string, slides: ReadSlide[]): Promise<string[]> {
  const problems: string[] = []
  const pdf = await readPdf(file)
  if (pdf.pages !== slides.length) problems.push(`${path.basename(file)}: ${pdf.pages} pages for ${slides.length} slides`)
  const shown = await readShownText(file)
  slides.forEach((slide, i) => {
    const page = squash(shown[i] ?? '')
    for (const text of [...slide.shown['zh-Hant'], ...slide.shown.en])
      if (!page.includes(squash(text))) problems.push(`${path.basename(file)} page ${i + 1}: "${text}" is not drawn`)
  })
  return problems
}

/** A deck's handout against the handout rules (tests/export/handout-rules.ts). */
export async function handoutPdfProblems(handout: string, slides: ReadSlide[], label: string): Promise<string[]> {
  const pages = await readHandoutPages(handout)
  return handoutProblems(pages, slides, handoutPageBound(slides), label)
}

/** The PPTX, read as a zip: a slide a slide, each with every note paragraph of its deck slide, every run at the projection sizes. */
export async function pptxProblems(file: string, slides: ReadSlide[]): Promise<string[]> {
  const problems: string[] = []
  const pptx = await readPptxSlides(new Uint8Array(await readFile(file)))
  if (pptx.slides.length !== slides.length) problems.push(`${path.basename(file)}: ${pptx.slides.length} slides for ${slides.length}`)
  slides.forEach((slide, i) => {
    const notes = pptx.slides[i]?.notes.split('\n') ?? []
    for (const paragraph of [...slide.notes['zh-Hant'], ...slide.notes.en])
      if (!notes.includes(paragraph)) problems.push(`${path.basename(file)} slide ${i + 1}: notes lack "${paragraph.slice(0, 40)}…"`)
  })
  // The deck's first language is the document's (`zh-TW` for the bilingual deck).
  problems.push(...pptxSizeProblems(pptx, pptx.language ?? '', path.basename(file)))
  return problems
}

const EMU_PER_PT = 12700
/** Rendering differs by a little (glyph side bearings, rounding): this much outside a box is not overflow. */
const TOLERANCE_PT = 3

interface Box {
  text: string
  x: number
  y: number
  w: number
  h: number
}

/** Each text box of each slide, in points from the slide's top left, with its text. */
async function textBoxes(file: string): Promise<{ size: { w: number; h: number }; slides: Box[][] }> {
  const zip = await JSZip.loadAsync(await readFile(file))
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? ''
  const presentation = await read('ppt/presentation.xml')
  const [, cx = '0', cy = '0'] = /<p:sldSz cx="(\d+)" cy="(\d+)"/.exec(presentation) ?? []
  const pptx = await readPptxSlides(new Uint8Array(await readFile(file)))
  const slides = pptx.slides.map((slide) =>
    [...slide.xml.matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/g)].flatMap(([, shape = '']) => {
      const off = /<a:off x="(-?\d+)" y="(-?\d+)"\/>\s*<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(shape)
      const text = [...shape.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map(([, t = '']) => t).join('')
      if (!off || text.trim() === '') return []
      const [x, y, w, h] = off.slice(1).map((n) => Number(n) / EMU_PER_PT) as [number, number, number, number]
      return [{ text: squash(decodeHTML(text)), x, y, w, h }]
    }),
  )
  return { size: { w: Number(cx) / EMU_PER_PT, h: Number(cy) / EMU_PER_PT }, slides }
}

/** A word LibreOffice drew, as poppler reads it back: its text and its box, in points from the page's top left. */
interface DrawnWord {
  text: string
  left: number
  top: number
  right: number
  bottom: number
}

/**
 * Each page's size and words (`pdftotext -bbox-layout`). Poppler, not pdf.js:
 * on a machine without a Chinese font LibreOffice draws Chinese with a font
 * that lacks it, and only poppler reads those glyphs back as their characters
 * (pdf.js gives every one of them as the same character), so Chinese lines
 * can be matched to their text boxes like the others.
 */
async function drawnWords(pdf: string): Promise<{ w: number; h: number; words: DrawnWord[] }[]> {
  const { stdout } = await run('pdftotext', ['-bbox-layout', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 })
  return [...stdout.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map(([, w = '0', h = '0', body = '']) => ({
    w: Number(w),
    h: Number(h),
    words: [...body.matchAll(/<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)<\/word>/g)].map(([, left, top, right, bottom, text = '']) => ({
      text: decodeHTML(text),
      left: Number(left),
      top: Number(top),
      right: Number(right),
      bottom: Number(bottom),
    })),
  }))
}

/**
 * The PPTX as LibreOffice Impress renders it (to PDF): every word of text
 * inside the slide, and inside the text box whose text it is (a word is
 * matched to the one box holding its text; a word too short to tell is only
 * checked against the slide); on every slide, some word matched to its box,
 * and every text box drawn (some word of its text on its slide's page).
 */
export async function libreOfficeProblems(files: string[], workDir: string): Promise<string[]> {
  const out = path.join(workDir, 'lo-pdf')
  // A profile of its own: a running LibreOffice would otherwise take the job.
  await run('soffice', [`-env:UserInstallation=file://${path.join(workDir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', out, ...files], {
    timeout: 600_000,
  })
  const problems: string[] = []
  for (const file of files) {
    const name = path.basename(file)
    const { size, slides } = await textBoxes(file)
    const pages = await drawnWords(path.join(out, name.replace(/\.pptx$/, '.pdf')))
    if (pages.length !== slides.length) problems.push(`${name}: LibreOffice made ${pages.length} pages of ${slides.length} slides`)
    for (const [i, page] of pages.entries()) {
      let matched = 0
      const drawn = new Set<Box>()
      // The PDF page is the slide, maybe at another scale.
      const sx = page.w / size.w
      const sy = page.h / size.h
      for (const word of page.words) {
        if (word.text.trim() === '') continue
        // Poppler's box spans the font's whole height, ascender to descender (some 1.3× its size, more
        // than the text box reserves a line): vertically, a word is its glyphs' core, the middle 70%.
        const trim = (word.bottom - word.top) * 0.15
        const box = { left: word.left / sx, right: word.right / sx, top: (word.top + trim) / sy, bottom: (word.bottom - trim) / sy }
        const where = `${name} slide ${i + 1}: "${word.text.slice(0, 30)}"`
        if (box.left < -TOLERANCE_PT || box.right > size.w + TOLERANCE_PT || box.top < -TOLERANCE_PT || box.bottom > size.h + TOLERANCE_PT)
          problems.push(`${where} runs off the slide`)
        const key = squash(word.text)
        // A word of four characters or more (or a whole box's shorter text) says its box was drawn.
        for (const b of slides[i] ?? []) if (key !== '' && b.text.includes(key) && (Array.from(key).length >= 4 || key === b.text)) drawn.add(b)
        if (Array.from(key).length < 4) continue
        const owners = (slides[i] ?? []).filter((b) => b.text.includes(key))
        if (owners.length !== 1) continue
        const b = owners[0]!
        matched += 1
        const outside = Math.max(b.x - box.left, box.right - (b.x + b.w), b.y - box.top, box.bottom - (b.y + b.h))
        if (outside > TOLERANCE_PT) problems.push(`${where} runs ${outside.toFixed(1)} pt outside its text box`)
      }
      // A slide with no word matched to its box would pass whatever LibreOffice drew on it.
      if (matched === 0) problems.push(`${name} slide ${i + 1}: no word matched to its text box`)
      for (const b of slides[i] ?? []) if (!drawn.has(b)) problems.push(`${name} slide ${i + 1}: text box "${b.text.slice(0, 30)}" not drawn`)
    }
  }
  return problems
}

/** Type sizes a projected room reads (issue 37), in points on a 13.33 in (960 pt) wide slide. */
export const PROJECTION_PT = { primary: 24, secondary: 18 } as const
const SLIDE_PT = 960

/** A size in canvas px as points on the 13.33 in slide. */
export function pointsOf(px: number, canvasWidth: number): number {
  return (px * SLIDE_PT) / canvasWidth
}

/**
 * A deck's slides against the projection sizes: every headline (and the first language of a
 * bilingual line) at 24 pt or more, every second-language line and label at 18 pt or more, each
 * heading or title larger than every other text of its slide; and all section slides of the
 * deck at one size. Reports each text that misses, with its slide.
 */
export function sizeProblems(slides: (SlideSizes | 'missing')[], label: string): string[] {
  const problems: string[] = []
  const pointSizes = new Set<number>()
  slides.forEach((slide, i) => {
    const where = `${label} slide ${i + 1}`
    if (slide === 'missing') return void problems.push(`${where}: not rendered`)
    if (slide.texts.length === 0) problems.push(`${where}: no text measured`)
    const pt = (px: number) => pointsOf(px, slide.canvasWidth)
    const others = slide.texts.filter((t) => t.role !== 'title')
    const largest = Math.max(0, ...others.map((t) => t.px))
    for (const t of slide.texts) {
      const size = pt(t.px)
      if (t.role === 'primary' && size < PROJECTION_PT.primary - 0.05) problems.push(`${where}: "${t.text}" at ${size.toFixed(1)} pt, under ${PROJECTION_PT.primary} pt`)
      if (t.role === 'secondary' && size < PROJECTION_PT.secondary - 0.05) problems.push(`${where}: "${t.text}" (second line or label) at ${size.toFixed(1)} pt, under ${PROJECTION_PT.secondary} pt`)
      if (t.role === 'title' && !(t.px > largest)) problems.push(`${where}: title "${t.text}" at ${size.toFixed(1)} pt, not larger than the slide's other text (${pt(largest).toFixed(1)} pt)`)
    }
    if (slide.kind === 'section' && slide.pointPx !== undefined) pointSizes.add(Math.round(slide.pointPx * 100) / 100)
  })
  if (pointSizes.size > 1) problems.push(`${label}: section slides at ${pointSizes.size} sizes (${[...pointSizes].join(', ')} px), not one`)
  return problems
}

/**
 * A PPTX's text runs against the projection sizes, each run's size (`sz`) as points on a
 * 13.33 in slide: the first language of each text 24 pt or more, a second language's line and
 * the label 18 pt or more, each slide's title larger than its other runs. `first` is the
 * deck's first language as PowerPoint tags it (`zh-TW`, `en-US`).
 */
export function pptxSizeProblems(pptx: { slides: { shapes: { name: string; placeholder: string | undefined; runs: { text: string; lang: string | undefined; size: number | undefined }[] }[] }[]; widthPt: number }, first: string, label: string): string[] {
  const problems: string[] = []
  const scale = SLIDE_PT / pptx.widthPt
  let runs = 0
  pptx.slides.forEach((slide, i) => {
    const where = `${label} slide ${i + 1}`
    const sized = slide.shapes.flatMap((shape) => shape.runs.filter((run) => run.text.trim() !== '').map((run) => ({ shape, run, pt: (run.size ?? 0) * scale })))
    const role = ({ shape, run }: (typeof sized)[number]) =>
      shape.name === 'Label' || run.lang !== first ? 'secondary' : shape.placeholder === 'title' && shape.name !== 'Bottom line' ? 'title' : 'primary'
    const largest = Math.max(0, ...sized.filter((s) => role(s) !== 'title').map((s) => s.pt))
    for (const s of sized) {
      runs += 1
      const what = `"${s.run.text.trim().slice(0, 40)}" (${s.shape.name})`
      if (s.run.size === undefined) problems.push(`${where}: ${what} names no size`)
      else if (role(s) === 'primary' && s.pt < PROJECTION_PT.primary - 0.05) problems.push(`${where}: ${what} at ${s.pt.toFixed(1)} pt, under ${PROJECTION_PT.primary} pt`)
      else if (role(s) === 'secondary' && s.pt < PROJECTION_PT.secondary - 0.05) problems.push(`${where}: ${what} at ${s.pt.toFixed(1)} pt, under ${PROJECTION_PT.secondary} pt`)
      else if (role(s) === 'title' && !(s.pt > largest)) problems.push(`${where}: title ${what} at ${s.pt.toFixed(1)} pt, not larger than the slide's other text (${largest.toFixed(1)} pt)`)
    }
  })
  if (runs === 0) problems.push(`${label}: no run read`)
  return problems
}

/** The median of how far down its slide the text of each section slide reaches (0–1). */
export function medianSectionReach(slides: (SlideSizes | 'missing')[]): number {
  const reaches = slides.flatMap((slide) => (slide !== 'missing' && slide.kind === 'section' ? [slide.reach] : [])).sort((a, b) => a - b)
  if (reaches.length === 0) return 0
  const middle = Math.floor(reaches.length / 2)
  return reaches.length % 2 === 1 ? reaches[middle]! : (reaches[middle - 1]! + reaches[middle]!) / 2
}

/** A note paragraph shown in the presenter, against one expected: same language, same text (or matching it). */
export function noteMatches(expected: { lang: string; text: string | RegExp }, shown: { lang: string | null; text: string }): boolean {
  return expected.lang === shown.lang && (typeof expected.text === 'string' ? expected.text === shown.text : expected.text.test(shown.text))
}

/**
 * Every text of every slide in its language's face (README): Chinese in Noto
 * Sans TC with strict line breaking, Latin text in Noto Sans; every language
 * met, and more texts than slides × languages (not a sample).
 */
export function typographyProblems(typography: LangTypography[], langs: string[], slides: number): string[] {
  const problems: string[] = []
  const met = new Set(typography.map((t) => t.lang))
  if ([...met].sort().join() !== [...langs].sort().join()) problems.push(`texts in the languages ${[...met].join(', ')}, not ${langs.join(', ')}`)
  if (typography.length <= slides * langs.length) problems.push(`only ${typography.length} texts read for their face`)
  for (const { lang, text, fontFamily, lineBreak } of typography) {
    if (lang === 'zh-Hant' && (!/^"Noto Sans TC"/.test(fontFamily) || lineBreak !== 'strict')) problems.push(`"${text.slice(0, 30)}" (zh-Hant) set in ${fontFamily}, line-break ${lineBreak}`)
    if (lang !== 'zh-Hant' && !/^"Noto Sans"(?! TC)/.test(fontFamily)) problems.push(`"${text.slice(0, 30)}" (${lang}) set in ${fontFamily}`)
  }
  return problems
}

/**
 * As after `npm start`: the overview renders every slide, so that Vite has met every module
 * before a walk (tests/browser/fixture.ts's servers load it as they start); its errors are the
 * walk's to find when it loads them again.
 */
export async function warmUp(browser: Browser, url: string): Promise<void> {
  const context = await browser.newContext({ viewport: CANVAS })
  try {
    const page = await context.newPage()
    page.setDefaultNavigationTimeout(300_000)
    await page.goto(`${url}/overview`, { waitUntil: 'networkidle' })
  } finally {
    await context.close()
  }
}

/**
 * A served deck, warmed up (`warmUp`), walked in Chromium as a presenter walks it: every slide
 * with all its clicks shown inside the frame, every text tagged with its language, no console
 * error or failed request, nothing requested from outside.
 */
export async function browserProblems(options: {
  browser: Browser
  url: string
  content: ExpectedContent
  langs: ('zh-Hant' | 'en')[]
  presenter: boolean
}): Promise<string[]> {
  const walk = await walkDeck({ ...options, latinIsEnglish: false })
  const problems: string[] = []
  const expected = expectedSlides(options.content, options.langs)
  if (walk.slides.length !== expected.length) problems.push(`${walk.slides.length} slides walked of ${expected.length}`)
  for (const slide of walk.slides) {
    if (slide.fit === 'missing') problems.push(`slide ${slide.no} was not rendered`)
    else {
      if (slide.fit.measured <= 3) problems.push(`slide ${slide.no}: only ${slide.fit.measured} boxes measured`)
      for (const p of slide.fit.problems) problems.push(`slide ${slide.no}: ${p.what} outside the frame ${JSON.stringify(p.outside)}`)
      if (slide.fit.fit === 'overflow') problems.push(`slide ${slide.no}: DeckFit gave up (overflow)`)
    }
    if (slide.lang === 'missing') problems.push(`slide ${slide.no}: no text to check for languages`)
    else for (const p of slide.lang) problems.push(`slide ${slide.no}: "${p.text}" tagged ${p.lang}`)
    for (const text of expected[slide.no - 1]?.shown ?? [])
      if (!(slide.text ?? '').includes(text)) problems.push(`slide ${slide.no}: "${text.slice(0, 40)}" not shown`)
  }
  problems.push(...typographyProblems(walk.slides.flatMap((slide) => slide.typography), options.langs, walk.slides.length))
  problems.push(...sizeProblems(walk.slides.map((slide) => slide.sizes), 'deck'))
  for (const visit of walk.presenter) {
    if (visit.lang === 'missing') problems.push(`notes of slide ${visit.no}: not shown`)
    else for (const p of visit.lang) problems.push(`notes of slide ${visit.no}: "${p.text}" tagged ${p.lang}`)
    const notes = visit.notes
    const wanted = expected[visit.no - 1]?.notes ?? []
    if (notes === 'missing') problems.push(`notes of slide ${visit.no}: none read`)
    else {
      // Each expected paragraph, verbatim in its language, in this order; the notes may say more (the time, the source lines).
      const found = notes.paragraphs.filter((paragraph) => wanted.some((note) => noteMatches(note, paragraph)))
      if (found.length !== wanted.length || !wanted.every((note, i) => noteMatches(note, found[i]!)))
        problems.push(`notes of slide ${visit.no}: ${JSON.stringify(found.map((p) => `${p.lang}: ${p.text.slice(0, 30)}`))}, not the ${wanted.length} paragraphs of the brief`)
    }
    // The highlight moves point by point: click j lights point j, and its mark.
    const points = visit.no > 2 ? (options.content.sections[visit.no - 3]?.points.length ?? 0) : 0
    const steps = visit.steps.map((step) => JSON.stringify(step))
    const want = Array.from({ length: points }, (_, j) => JSON.stringify({ clicks: j + 1, activeMark: String(j + 1), litPoints: [j] }))
    if (steps.join() !== want.join()) problems.push(`notes of slide ${visit.no}: highlight steps ${steps.join(' ')}, not ${want.join(' ')}`)
  }
  for (const error of walk.traffic.errors) problems.push(`console error: ${error}`)
  for (const failure of walk.traffic.failures) problems.push(`failed request: ${JSON.stringify(failure)}`)
  for (const url of walk.traffic.requests.filter((u) => !isLocal(u))) problems.push(`request outside: ${url}`)
  if (walk.traffic.requests.length === 0) problems.push('no request recorded at all')
  return problems
}
