import { beforeAll, describe, expect, it } from 'vitest'
import { estimateScales } from '../../scripts/deck/fit.ts'
import { MIN_READABLE_SCALE } from '../../setup/fit-scale.ts'
import { buildBrief, deckFile, useBrowser, useDeckServer, type BuiltDecks } from './fixture.ts'
import { longBrief, longExtras } from './long-brief.ts'
import { isLocal } from './traffic.ts'
import { walkDeck, type DeckWalk } from './walk.ts'

const browser = useBrowser()

describe('a brief with very long headings, headlines and bullets, bilingual deck', () => {
  let decks: BuiltDecks
  let walk: DeckWalk
  const server = useDeckServer(async () => {
    decks = await buildBrief('long-text', longBrief(), longExtras())
    return deckFile(decks.dir, 'bilingual')
  }, browser)

  beforeAll(async () => {
    walk = await walkDeck({
      browser: browser(),
      url: server().url,
      content: decks.expected,
      langs: ['zh-Hant', 'en'],
      // Chinese bullets here carry a URL.
      latinIsEnglish: false,
      presenter: false,
    })
  }, 300_000)

  it('keeps every slide, all clicks shown, inside the 980×552 frame', () => {
    expect(walk.slides).toHaveLength(decks.expected.sections.length + 2)
    for (const slide of walk.slides) {
      if (slide.fit === 'missing') throw new Error(`slide ${slide.no} was not rendered`)
      expect(slide.fit.measured, `slide ${slide.no}`).toBeGreaterThan(3)
      expect(slide.fit.problems, `slide ${slide.no}`).toEqual([])
      expect(slide.fit.fit, `slide ${slide.no}`).not.toBe('overflow')
    }
  })

  it('continues each long section one bullet a slide, and shrinks a headline too long for a slide of its own', () => {
    const sections = walk.slides.slice(2)
    expect(sections).toHaveLength(decks.expected.sections.length)
    // Two sections of six bullets, each headline alone on its slide: none fits even there at 24 pt.
    expect(decks.expected.sections.map((section) => section.points.length)).toEqual(Array.from({ length: 12 }, () => 1))
    for (const slide of sections) {
      if (slide.fit === 'missing') throw new Error(`slide ${slide.no} was not rendered`)
      expect(slide.fit.scale, `slide ${slide.no}`).toBeLessThan(1)
    }
  })

  it('is warned of by the build (checkFit): every slide that goes below the readable size, the estimate within three steps', () => {
    const estimates = estimateScales(decks.content, 'bilingual')
    const below = (scale: number | undefined) => scale !== undefined && scale < MIN_READABLE_SCALE - 1e-9
    const measured = walk.slides.map((slide) => (slide.fit === 'missing' ? undefined : slide.fit.scale))
    // The estimate errs on the side of warning: a slide it finds readable is readable (it may warn of one a step short).
    measured.forEach((scale, i) => expect(below(scale) && !below(estimates[i]), `slide ${i + 1}: ${scale} measured, ${estimates[i]} estimated`).toBe(false))
    expect(measured.some(below)).toBe(true)
    // An estimate: within three steps of DeckFit's own search.
    measured.forEach((scale, i) => expect(Math.abs((scale ?? 0) - (estimates[i] ?? 0)), `slide ${i + 1}`).toBeLessThanOrEqual(0.15 + 1e-9))
  })

  it('renders with no console error, no failed request and nothing from outside', () => {
    expect(walk.traffic.errors).toEqual([])
    expect(walk.traffic.failures).toEqual([])
    expect(walk.traffic.requests.filter((url) => !isLocal(url))).toEqual([])
  })
})
