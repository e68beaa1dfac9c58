import { beforeAll, describe, expect, it } from 'vitest'
import { VARIANTS, variantHtmlLang, variantLangs } from '../../scripts/deck/variant.ts'
import { expectedSlides } from './expect-deck.ts'
import { deckFile, shippedDecks, useBrowser, useDeckServer, type BuiltDecks } from './fixture.ts'
import { isLocal } from './traffic.ts'
import { clicksPerSlide, walkDeck, type DeckWalk } from './walk.ts'
import { medianSectionReach, noteMatches, sizeProblems, typographyProblems } from '../support/output-checks.ts'

// Built once for the three decks, on first use (inside a hook, where a failure is reported).
let built: Promise<BuiltDecks> | undefined
const browser = useBrowser()

describe.each(VARIANTS)('the shipped brief, deck %s', (variant) => {
  let decks: BuiltDecks
  let walk: DeckWalk
  const langs = variantLangs(variant)
  // The first deck starts with Vite's cache empty, as after a fresh `npm install`.
  const server = useDeckServer(
    async () => {
      decks = await (built ??= shippedDecks())
      return deckFile(decks.dir, variant)
    },
    browser,
    { cold: variant === VARIANTS[0] },
  )

  // After useDeckServer's hook: the walk needs the server.
  beforeAll(async () => {
    walk = await walkDeck({ browser: browser(), url: server().url, content: decks.expected, langs, latinIsEnglish: true })
  }, 300_000)

  it('loads the first time, as after npm start, with no console error and no failed request', () => {
    const { errors, failures, requests } = server().firstLoad
    expect(requests.length).toBeGreaterThan(0)
    expect({ errors, failures }).toEqual({ errors: [], failures: [] })
  })

  it('renders every slide and the presenter with no console error and no failed request', () => {
    expect(walk.slides.map((slide) => slide.no)).toEqual(expectedSlides(decks.expected, langs).map((_, i) => i + 1))
    expect(walk.traffic.errors).toEqual([])
    expect(walk.traffic.failures).toEqual([])
  })

  it('makes no request outside localhost', () => {
    expect(walk.traffic.requests.length).toBeGreaterThan(0)
    expect(walk.traffic.requests.filter((url) => !isLocal(url))).toEqual([])
  })

  it(`sets <html lang="${variantHtmlLang(variant)}"> and tags every text node with its language`, () => {
    for (const slide of walk.slides) {
      expect(slide.htmlLang, `slide ${slide.no}`).toBe(variantHtmlLang(variant))
      expect(slide.lang, `slide ${slide.no}`).toEqual([])
    }
    for (const visit of walk.presenter) expect(visit.lang, `notes of slide ${visit.no}`).toEqual([])
  })

  it('keeps every slide, all clicks shown, inside the 980×552 frame at a readable size', () => {
    for (const slide of walk.slides) {
      if (slide.fit === 'missing') throw new Error(`slide ${slide.no} was not rendered`)
      expect(slide.fit.frame, `slide ${slide.no}`).toEqual({ width: 980, height: expect.closeTo(552, 0) })
      expect(slide.fit.measured, `slide ${slide.no}`).toBeGreaterThan(3)
      expect(slide.fit.problems, `slide ${slide.no}`).toEqual([])
      expect(['natural', 'scaled'], `slide ${slide.no} fit`).toContain(slide.fit.fit)
    }
  })

  it('sets every text for a projected room (headlines 24 pt, second lines and labels 18 pt, titles larger), its section slides at one size that fills them', () => {
    expect(sizeProblems(walk.slides.map((slide) => slide.sizes), variant)).toEqual([])
    // The deck's one scale, as the build chose it: no section slide shrunk on its own.
    for (const slide of walk.slides.slice(2)) expect(slide.fit !== 'missing' && slide.fit.fit, `slide ${slide.no}`).toBe('natural')
    expect(medianSectionReach(walk.slides.map((slide) => slide.sizes))).toBeGreaterThanOrEqual(0.6)
  })

  it('hides each headline until its click, then keeps it shown', () => {
    walk.slides.forEach((slide, i) => {
      const points = clicksPerSlide(decks.expected)[i] ?? 0
      // At click k the first k points are seen, and none after them.
      const expected = Array.from({ length: points + 1 }, (_, k) => Array.from({ length: points }, (_, j) => j < k))
      expect(slide.revealed, `slide ${slide.no}`).toEqual(expected)
    })
  })

  it('shows each slide its headlines, verbatim', () => {
    expectedSlides(decks.expected, langs).forEach((expected, i) => {
      for (const text of expected.shown) expect(walk.slides[i]?.text, `slide ${i + 1}`).toContain(text)
    })
  })

  it("keeps each slide's detailed text, verbatim and per language, in the presenter's notes", () => {
    expectedSlides(decks.expected, langs).forEach((expected, i) => {
      const notes = walk.presenter[i]?.notes
      if (notes === undefined || notes === 'missing') throw new Error(`no notes shown for slide ${i + 1}`)
      const shown = notes.paragraphs.map(({ lang, text }) => ({ lang, text }))
      // In this order; the notes may say more (the title slide names the brief's lines).
      const found = shown.filter((paragraph) => expected.notes.some((note) => noteMatches(note, paragraph)))
      expect(found, `notes of slide ${i + 1}`).toEqual(
        expected.notes.map(({ lang, text }) => ({ lang, text: typeof text === 'string' ? text : expect.stringMatching(text) })),
      )
    })
  })

  it('moves the notes highlight point by point as the presenter clicks', () => {
    decks.expected.sections.forEach((section, i) => {
      const visit = walk.presenter[i + 2]
      expect(visit?.steps, `slide ${i + 3}`).toEqual(
        section.points.map((_, j) => ({ clicks: j + 1, activeMark: String(j + 1), litPoints: [j] })),
      )
    })
  })

  it('sets every text of every slide in its language\'s face: Chinese in Noto Sans TC with strict line breaking, Latin text in Noto Sans', () => {
    // Every title, headline and label of every slide, not a sample: one text in another face fails.
    expect(typographyProblems(walk.slides.flatMap((slide) => slide.typography), langs, walk.slides.length)).toEqual([])
  })

  it('loads its fonts from the project (Noto Sans TC for Chinese, Noto Sans for Latin), none from outside', () => {
    const fontRequests = walk.traffic.requests.filter((url) => /\.(woff2?|ttf|otf)(\?|$)/.test(url))
    expect(fontRequests.length).toBeGreaterThan(0)
    for (const url of fontRequests) expect(url).toMatch(/^http:\/\/localhost:\d+\/@fs\/.*\/node_modules\/@fontsource\//)
    const loaded = walk.fonts.filter((font) => font.endsWith(' loaded'))
    if (langs.includes('zh-Hant')) expect(loaded).toContain('Noto Sans TC 700 loaded')
    if (langs.includes('en')) expect(loaded).toContain('Noto Sans 400 loaded')
  })
})
