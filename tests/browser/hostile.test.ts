import { beforeAll, describe, expect, it } from 'vitest'
import { HAZARDS, hostileBrief } from '../fixtures/hostile.ts'
import { expectedSlides } from './expect-deck.ts'
import { buildBrief, deckFile, useBrowser, useDeckServer, type BuiltDecks } from './fixture.ts'
import { isLocal } from './traffic.ts'
import { walkDeck, type DeckWalk } from './walk.ts'

const browser = useBrowser()

/** The `src` of the brief's `<img src=x onerror=…>`: loading it would mean the markup ran. */
const IMG_SRC = /\/x(?:[?#]|$)/

describe('a hostile brief (every hazard in headings, lede and bullets), bilingual deck', () => {
  let decks: BuiltDecks
  let walk: DeckWalk
  const server = useDeckServer(async () => {
    decks = await buildBrief('hostile', hostileBrief())
    return deckFile(decks.dir, 'bilingual')
  }, browser)

  beforeAll(async () => {
    walk = await walkDeck({
      browser: browser(),
      url: server().url,
      content: decks.expected,
      langs: ['zh-Hant', 'en'],
      // The Chinese bullets are bare hazards: Latin text in Chinese bullets.
      latinIsEnglish: false,
    })
  }, 300_000)

  it('shows every headline and heading on the slides exactly as typed', () => {
    expectedSlides(decks.expected, ['zh-Hant', 'en']).forEach((expected, i) => {
      for (const text of expected.shown) expect(walk.slides[i]?.text, `slide ${i + 1}`).toContain(text)
    })
    // Independently of the pipeline's model: the headings carry these hazards whole.
    const slideText = walk.slides.map((slide) => slide.text).join('\n')
    for (const hazard of ['{{ 1 + 1 }}', '<script>window.__pwned = 1</script>', '[link](javascript:alert(1))', '🙂 emoji']) {
      expect(slideText).toContain(hazard)
    }
  })

  it("shows every hazard in the presenter's notes exactly as typed, each bullet in its own paragraph", () => {
    const notesText = walk.presenter.map((visit) => (visit.notes === 'missing' ? '' : visit.notes.text)).join('\n')
    for (const hazard of HAZARDS) expect(notesText).toContain(hazard)
    expectedSlides(decks.expected, ['zh-Hant', 'en']).forEach((expected, i) => {
      const notes = walk.presenter[i]?.notes
      if (notes === undefined || notes === 'missing') throw new Error(`no notes shown for slide ${i + 1}`)
      for (const note of expected.notes) {
        if (typeof note.text === 'string') expect(notes.paragraphs, `notes of slide ${i + 1}`).toContainEqual(expect.objectContaining({ lang: note.lang, text: note.text }))
      }
    })
  })

  it('runs no script of the brief, opens no dialog and loads no image from its markup', () => {
    for (const visit of [...walk.slides, ...walk.presenter]) expect(visit.pwned, `slide ${visit.no}`).toBeUndefined()
    expect(walk.traffic.dialogs).toEqual([])
    expect(walk.traffic.requests.filter((url) => IMG_SRC.test(new URL(url).pathname + new URL(url).search))).toEqual([])
  })

  it('renders with no console error, no failed request and no request outside localhost', () => {
    expect(walk.traffic.errors).toEqual([])
    expect(walk.traffic.failures).toEqual([])
    expect(walk.traffic.requests.filter((url) => !isLocal(url))).toEqual([])
  })

  it('tags every text node with its language and keeps every slide inside its frame', () => {
    for (const slide of walk.slides) {
      expect(slide.lang, `slide ${slide.no}`).toEqual([])
      if (slide.fit === 'missing') throw new Error(`slide ${slide.no} was not rendered`)
      expect(slide.fit.problems, `slide ${slide.no}`).toEqual([])
    }
    for (const visit of walk.presenter) expect(visit.lang, `notes of slide ${visit.no}`).toEqual([])
  })
})
