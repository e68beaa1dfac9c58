import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import JSZip from 'jszip'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Lang } from '../../scripts/brief/model.ts'
import { VARIANTS, variantLangs, type Variant } from '../../scripts/deck/variant.ts'
import { readDeck, showOnly } from '../../scripts/export/deck.ts'
import { buildPptx } from '../../scripts/export/pptx.ts'
import { DEFAULT_BRIEF } from '../../scripts/project.ts'
import { buildBrief, deckFile } from '../browser/fixture.ts'
import { hostileBrief } from '../fixtures/hostile.ts'
import { expectedContent, type ExpectedContent } from '../browser/expect-deck.ts'
import { readPptxSlides, type PptxDocument, type PptxShape } from './read-pptx-slides.ts'
import { pptxSizeProblems } from '../support/output-checks.ts'

const run = promisify(execFile)

/** What each slide shows, from the test's own expectations (not from the code that built the decks). */
function expectedSlides(content: ExpectedContent, langs: Lang[]) {
  const of = (value: (lang: Lang) => string | undefined) =>
    langs.flatMap((lang) => (value(lang) === undefined ? [] : [{ lang, text: value(lang) ?? '' }]))
  return [
    { title: of((lang) => content.title[lang]), texts: [of((lang) => content.subtitle[lang])], points: [], notes: [] },
    { title: of((lang) => content.lede.headline[lang]), texts: [], points: [], notes: of((lang) => content.lede.detail[lang]) },
    ...content.sections.map((section) => ({
      title: of((lang) => section.heading[lang]),
      texts: [],
      points: section.points.map((point) => of((lang) => point.headline[lang])),
      notes: [...of((lang) => section.heading[lang]), ...section.points.flatMap((point) => of((lang) => point.detail[lang]))],
    })),
  ]
}

/** How a PPTX tags each language (BCP 47 with a region, as PowerPoint's own menus do): written here, not taken from the code. */
const PPTX_LANG: Record<Lang, string> = { 'zh-Hant': 'zh-TW', en: 'en-US' }

const textOf = (shape: PptxShape | undefined) => shape?.runs.map((r) => ({ lang: r.lang, text: r.text })) ?? []
const tagged = (texts: { lang: Lang; text: string }[]) => texts.map((t) => ({ lang: PPTX_LANG[t.lang], text: t.text }))

interface Built {
  content: ExpectedContent
  files: Partial<Record<Variant, string>>
  pptx: Partial<Record<Variant, PptxDocument>>
}

const cases: Record<'shipped' | 'hostile', Built> = {
  shipped: { content: undefined as unknown as ExpectedContent, files: {}, pptx: {} },
  hostile: { content: undefined as unknown as ExpectedContent, files: {}, pptx: {} },
}
let tmp: string
let shippedDir: string

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'briefdeck-pptx-'))
  const extras = await readFile(DEFAULT_BRIEF.replace(/\.txt$/, '.deck.yaml'), 'utf8')
  const briefs = { shipped: { text: await readFile(DEFAULT_BRIEF, 'utf8'), extras }, hostile: { text: hostileBrief(), extras: undefined } }
  const built = {
    shipped: await buildBrief('pptx-shipped', briefs.shipped.text, briefs.shipped.extras),
    hostile: await buildBrief('pptx-hostile', briefs.hostile.text),
  }
  shippedDir = built.shipped.dir
  for (const name of ['shipped', 'hostile'] as const) {
    const bilingual = await readFile(deckFile(built[name].dir, 'bilingual'), 'utf8')
    cases[name].content = await expectedContent(briefs[name].text, bilingual, briefs[name].extras)
    for (const variant of VARIANTS) {
      const deck = await readDeck(await readFile(deckFile(built[name].dir, variant), 'utf8'), deckFile(built[name].dir, variant))
      const bytes = await buildPptx(deck)
      const file = path.join(tmp, `${name}-${variant}.pptx`)
      await writeFile(file, bytes)
      cases[name].files[variant] = file
      cases[name].pptx[variant] = await readPptxSlides(bytes)
    }
  }
  return () => rm(tmp, { recursive: true, force: true })
}, 120_000)

describe.each(['shipped', 'hostile'] as const)('PPTX of the %s brief, read as a zip', (name) => {
  it.each(VARIANTS)('%s: each slide title is in the title placeholder, as runs tagged with their language', (variant) => {
    const pptx = cases[name].pptx[variant]!
    const expected = expectedSlides(cases[name].content, variantLangs(variant))
    expect(pptx.slides).toHaveLength(expected.length)
    expected.forEach((slide, i) => {
      const title = pptx.slides[i]!.shapes.filter((shape) => shape.placeholder === 'title')
      expect(title, `slide ${i + 1}`).toHaveLength(1)
      expect(textOf(title[0]), `slide ${i + 1}`).toEqual(tagged(slide.title))
    })
  })

  it.each(VARIANTS)('%s: every headline is a paragraph of text, tagged, appearing on its click', (variant) => {
    const pptx = cases[name].pptx[variant]!
    expectedSlides(cases[name].content, variantLangs(variant)).forEach((slide, i) => {
      const shapes = pptx.slides[i]!.shapes
      for (const texts of slide.texts.filter((t) => t.length > 0)) {
        expect(shapes.map(textOf), `slide ${i + 1}`).toContainEqual(tagged(texts))
      }
      const clicks = pptx.slides[i]!.clicks
      expect(clicks, `slide ${i + 1}`).toHaveLength(slide.points.length)
      slide.points.forEach((point, j) => {
        // The point's languages share its paragraph (the second on a line of its own).
        const at = shapes.flatMap((shape) =>
          shape.paragraphs.flatMap((runs, paragraph) =>
            JSON.stringify(runs.map((r) => ({ lang: r.lang, text: r.text }))) === JSON.stringify(tagged(point)) ? [{ id: shape.id, paragraph }] : [],
          ),
        )
        expect(at, `slide ${i + 1}, point ${j + 1}`).toHaveLength(1)
        expect(clicks[j], `slide ${i + 1}, click ${j + 1}`).toEqual(at)
      })
    })
  })

  it.each(VARIANTS)('%s: paragraph properties only open a paragraph (PowerPoint repairs files that repeat them)', (variant) => {
    for (const slide of cases[name].pptx[variant]!.slides) expect(slide.xml).not.toMatch(/(?:<\/a:r>|<a:br\/>)<a:pPr\b/)
  })

  it.each(VARIANTS)('%s: Chinese and English runs name Noto Sans TC for East Asian text', (variant) => {
    const runs = cases[name].pptx[variant]!.slides.flatMap((slide) => slide.shapes.flatMap((shape) => shape.runs))
    expect(runs.length).toBeGreaterThan(0)
    for (const run of runs) expect(run.eastAsian, run.text).toBe('Noto Sans TC')
    expect(new Set(runs.map((run) => run.lang))).toEqual(new Set(variantLangs(variant).map((lang) => PPTX_LANG[lang])))
  })

  it.each(VARIANTS)('%s: the notes carry the lede, headings and every bullet verbatim, each tagged with its language', (variant) => {
    const pptx = cases[name].pptx[variant]!
    expectedSlides(cases[name].content, variantLangs(variant)).forEach((slide, i) => {
      for (const note of slide.notes) expect(pptx.slides[i]!.notes.split('\n'), `notes of slide ${i + 1}`).toContain(note.text)
      const runs = pptx.slides[i]!.noteRuns.map((run) => ({ lang: run.lang, text: run.text }))
      for (const note of tagged(slide.notes)) expect(runs, `notes of slide ${i + 1}`).toContainEqual(note)
    })
  })

  it.each(VARIANTS)('%s: every run at the projection sizes as points on a 13.33 in slide (24 pt, second lines and labels 18 pt), titles larger', (variant) => {
    const pptx = cases[name].pptx[variant]!
    expect(pptxSizeProblems(pptx, PPTX_LANG[variantLangs(variant)[0]!], `${name} ${variant}`)).toEqual([])
  })

  it.each(VARIANTS)('%s: the document has its title and language', (variant) => {
    const pptx = cases[name].pptx[variant]!
    const langs = variantLangs(variant)
    expect(pptx.title).toBe(langs.map((lang) => cases[name].content.title[lang]).join(' · '))
    expect(pptx.language).toBe(PPTX_LANG[langs[0]!])
  })
})

describe('PPTX of the bilingual deck shown in one language (--show)', () => {
  it.each(['zh-Hant', 'en'] as const)('%s: only that language on the slides, tagged with it', async (lang) => {
    const deck = await readDeck(await readFile(deckFile(shippedDir, 'bilingual'), 'utf8'), 'bilingual.md')
    const pptx = await readPptxSlides(await buildPptx(showOnly(deck, lang)))
    const expected = expectedSlides(cases.shipped.content, [lang])
    expected.forEach((slide, i) => {
      const title = pptx.slides[i]!.shapes.find((shape) => shape.placeholder === 'title')
      expect(textOf(title), `slide ${i + 1}`).toEqual(tagged(slide.title))
      const paragraphs = pptx.slides[i]!.shapes.flatMap((shape) => shape.paragraphs.map((runs) => runs.map((r) => ({ lang: r.lang, text: r.text }))))
      for (const point of slide.points) expect(paragraphs).toContainEqual(tagged(point))
    })
    const langs = new Set(pptx.slides.flatMap((slide) => slide.shapes.flatMap((shape) => shape.runs.map((run) => run.lang))))
    expect(langs).toEqual(new Set([PPTX_LANG[lang]]))
    expect(pptx.language).toBe(PPTX_LANG[lang])
  })
})

describe('PPTX converted to PDF by LibreOffice Impress', () => {
  const pages: Record<string, string[]> = {}
  let impressContent = ''
  beforeAll(async () => {
    const files = (['shipped', 'hostile'] as const).flatMap((name) => VARIANTS.map((variant) => cases[name].files[variant]!))
    const out = path.join(tmp, 'pdf')
    // A profile of its own: a user's (or another test's) running LibreOffice would otherwise take the job.
    await run('soffice', [`-env:UserInstallation=file://${path.join(tmp, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', out, ...files], { timeout: 240_000 })
    for (const file of files) {
      const pdf = path.join(out, `${path.basename(file, '.pptx')}.pdf`)
      const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { maxBuffer: 16 * 1024 * 1024 })
      pages[path.basename(file, '.pptx')] = stdout.split('\f').slice(0, -1)
    }
    // Impress's own format spells out the builds it read from the PPTX.
    const profile = `-env:UserInstallation=file://${path.join(tmp, 'lo-profile')}`
    await run('soffice', [profile, '--headless', '--convert-to', 'odp', '--outdir', out, cases.shipped.files.bilingual!], { timeout: 240_000 })
    const odp = await JSZip.loadAsync(await readFile(path.join(out, 'shipped-bilingual.odp')))
    impressContent = (await odp.file('content.xml')?.async('string')) ?? ''
  }, 300_000)

  it('reads each point as a build of its own, on its click', () => {
    const points = cases.shipped.content.sections.reduce((sum, section) => sum + section.points.length, 0)
    expect(impressContent.match(/presentation:node-type="on-click"/g) ?? []).toHaveLength(points)
    // Each build makes one paragraph visible: a point, both its languages.
    const targets = [...impressContent.matchAll(/<anim:set [^>]*smil:targetElement="([^"]+)"[^>]*smil:attributeName="visibility"/g)].map(([, id]) => id)
    expect(targets).toHaveLength(points)
    for (const id of targets) expect(impressContent).toContain(`<text:p xml:id="${id}"`)
  })

  /** Line breaks fall where the renderer's fonts put them: compare text without whitespace. */
  const squash = (text: string) => text.replace(/\s+/g, '')

  it.each((['shipped', 'hostile'] as const).flatMap((name) => VARIANTS.map((variant) => [name, variant] as const)))(
    '%s %s: every slide shows its title and every text of the slide, as text',
    (name, variant) => {
      const expected = expectedSlides(cases[name].content, variantLangs(variant))
      const pdf = pages[`${name}-${variant}`]!
      expect(pdf).toHaveLength(expected.length)
      expected.forEach((slide, i) => {
        const page = squash(pdf[i]!)
        for (const text of [...slide.title, ...slide.texts.flat(), ...slide.points.flat()]) {
          expect(page, `page ${i + 1}`).toContain(squash(text.text))
        }
      })
    },
  )
})
