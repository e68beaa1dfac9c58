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

  it('shrinks the type of the section slides, whose text cannot fit at full size', () => {
    const sections = walk.slides.slice(2)
    expect(sections).toHaveLength(decks.expected.sections.length)
    for (const slide of sections) {
      if (slide.fit === 'missing') throw new Error(`slide ${slide.no} was not rendered`)
      expect(slide.fit.scale, `slide ${slide.no}`).toBeLessThan(1)
    }
  })

  it('agrees with the build-time estimate (checkFit) on which slides go below the readable size', () => {
    const estimates = estimateScales(decks.content, 'bilingual')
    const below = (scale: number | undefined) => scale !== undefined && scale < MIN_READABLE_SCALE - 1e-9
    const measured = walk.slides.map((slide) => (slide.fit === 'missing' ? undefined : slide.fit.scale))
    expect(measured.map(below)).toEqual(estimates.map(below))
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
