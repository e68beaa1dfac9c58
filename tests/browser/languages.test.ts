/**
 * Presenting in any language: the bilingual deck's language switch (presenter
 * window drives the audience window), notes in the other language, and
 * source references in the notes, all in real Chromium.
 */
import type { Page } from 'playwright-chromium'
import { describe, expect, it } from 'vitest'
import { main as build } from '../../scripts/cli/build.ts'
import { CANVAS, buildBrief, deckFile, settle, shippedDecks, useBrowser, useDeckServer, TMP } from './fixture.ts'
import { longBrief } from './long-brief.ts'
import { measureSlide, notesLoaded, readNotes } from './probes.ts'
import { watch, type Recorder } from './traffic.ts'
import { currentSlide, goTo, pressFrom } from '../support/slide-ready.ts'
import { clicksPerSlide } from './walk.ts'

/** No console error, uncaught exception or failed request on any of the pages. */
async function expectNoErrors(recorders: Recorder[]): Promise<void> {
  for (const recorder of recorders) {
    await recorder.quiet()
    const { errors, failures } = recorder.traffic()
    expect({ errors, failures }).toEqual({ errors: [], failures: [] })
  }
}

/** Elements of one language that are displayed (take room) on the slide shown. */
function shownLanguages(): { zh: number; en: number; mode: string | null } {
  const layout = document.querySelector('.slidev-page:not([style*="display: none"]) .slidev-layout') ?? document
  const displayed = (lang: string) =>
    [...layout.querySelectorAll<HTMLElement>(`[lang="${lang}"]`)].filter((el) => el.getClientRects().length > 0).length
  return { zh: displayed('zh-Hant'), en: displayed('en'), mode: document.documentElement.getAttribute('data-deck-show') }
}

async function waitForMode(page: Page, mode: string): Promise<void> {
  await page.waitForFunction((m) => document.documentElement.getAttribute('data-deck-show') === m, mode)
  await settle(page)
}

describe('the bilingual deck, switched between languages from the presenter view', () => {
  const browser = useBrowser()
  const server = useDeckServer(async () => deckFile((await shippedDecks()).dir, 'bilingual'), browser)

  it('shows both, then 中文 only, then English only, then both, in the audience window, with nothing overflowing', async () => {
    const context = await browser().newContext({ viewport: CANVAS })
    try {
      const audience = await context.newPage()
      const presenter = await context.newPage()
      const watched = [watch(audience), watch(presenter)]
      await audience.goto(`${server().url}/3?clicks=4`, { waitUntil: 'load' })
      await presenter.goto(`${server().url}/presenter/3?clicks=4`, { waitUntil: 'load' })
      await audience.waitForSelector('.slidev-page-3 .deck-point')
      await presenter.waitForFunction(notesLoaded)
      await currentSlide(presenter)
      await waitForMode(audience, 'both')
      const both = await audience.evaluate(shownLanguages)
      expect(both.zh).toBeGreaterThan(0)
      expect(both.en).toBe(both.zh)

      const expected = [
        { mode: 'zh-Hant', zh: both.zh, en: 0 },
        { mode: 'en', zh: 0, en: both.en },
        { mode: 'both', zh: both.zh, en: both.en },
      ]
      for (const step of expected) {
        await presenter.keyboard.press('l')
        await waitForMode(audience, step.mode)
        expect(await audience.evaluate(shownLanguages)).toEqual(step)
        const fit = await audience.evaluate(measureSlide, 3)
        expect(fit).not.toBe('missing')
        if (fit !== 'missing') {
          expect(fit.problems, `overflow in mode ${step.mode}`).toEqual([])
          expect(fit.measured).toBeGreaterThan(0)
        }
        // The presenter's notes follow: only the shown language(s) are displayed.
        await waitForMode(presenter, step.mode)
        const notes = await presenter.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('.slidev-note p[lang]')]
            .filter((p) => p.getClientRects().length > 0)
            .map((p) => p.getAttribute('lang')),
        )
        expect(new Set(notes)).toEqual(new Set(step.mode === 'both' ? ['zh-Hant', 'en'] : [step.mode]))
      }
      await expectNoErrors(watched)
    } finally {
      await context.close()
    }
  })

  it('lets no slide overflow in any mode, every click shown', async () => {
    const clicks = clicksPerSlide((await shippedDecks()).expected)
    const context = await browser().newContext({ viewport: CANVAS })
    try {
      const page = await context.newPage()
      const watched = [watch(page)]
      for (const mode of ['zh-Hant', 'en', 'both']) {
        // `?show=` sets the mode as the key does (and is how exports pick it); the slides
        // are then visited in the page, as a presenter moves through them.
        await page.goto(`${server().url}/1?show=${mode}`, { waitUntil: 'load' })
        await waitForMode(page, mode)
        for (const [i, last] of clicks.entries()) {
          const no = i + 1
          await goTo(page, { no, clicks: last })
          await page.waitForSelector(`.slidev-page-${no} .deck-fit`)
          await settle(page)
          const fit = await page.evaluate(measureSlide, no)
          if (fit === 'missing') throw new Error(`slide ${no} missing`)
          expect(fit.problems, `slide ${no} in mode ${mode}`).toEqual([])
          expect(fit.measured).toBeGreaterThan(0)
          const shown = await page.evaluate(shownLanguages)
          expect(shown.mode).toBe(mode)
          if (mode === 'en') expect(shown.zh).toBe(0)
          if (mode === 'zh-Hant') expect(shown.en).toBe(0)
        }
      }
      await expectNoErrors(watched)
    } finally {
      await context.close()
    }
  })

  it("drives the audience from the presenter toolbar's 中/EN button as from the L key", async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 800 } })
    try {
      const audience = await context.newPage()
      const presenter = await context.newPage()
      const watched = [watch(audience), watch(presenter)]
      await audience.goto(`${server().url}/3?clicks=4`, { waitUntil: 'load' })
      await presenter.goto(`${server().url}/presenter/3?clicks=4`, { waitUntil: 'load' })
      await audience.waitForSelector('.slidev-page-3 .deck-point')
      await waitForMode(audience, 'both')
      const button = presenter.locator('button.deck-show-mode')
      await expect.poll(() => button.textContent()).toBe('中/EN')
      for (const [mode, label] of [['zh-Hant', '中文'], ['en', 'EN'], ['both', '中/EN']] as const) {
        await button.click()
        await waitForMode(audience, mode)
        await expect.poll(() => button.textContent()).toBe(label)
        const shown = await audience.evaluate(shownLanguages)
        expect([shown.zh > 0, shown.en > 0]).toEqual([mode !== 'en', mode !== 'zh-Hant'])
      }
      await expectNoErrors(watched)
    } finally {
      await context.close()
    }
  })

  it('keeps the choice across slides and a reload', async () => {
    const context = await browser().newContext({ viewport: CANVAS })
    try {
      const page = await context.newPage()
      await page.goto(`${server().url}/2`, { waitUntil: 'load' })
      await page.waitForSelector('.deck-bottom-line')
      await currentSlide(page)
      await page.keyboard.press('l')
      await waitForMode(page, 'zh-Hant')
      await pressFrom(page, 'ArrowRight', { no: 2, clicks: 0 }, { no: 3, clicks: 0 })
      await page.reload({ waitUntil: 'load' })
      await page.waitForSelector('.deck-section')
      await waitForMode(page, 'zh-Hant')
      expect((await page.evaluate(shownLanguages)).en).toBe(0)
    } finally {
      await context.close()
    }
  })
})

// One server for both: this deck's slides are in Chinese alone, whatever language its notes are in.
describe('a single-language deck: Chinese slides with English notes (--notes en)', () => {
  const browser = useBrowser()
  const server = useDeckServer(async () => {
    const dir = `${TMP}/notes-en`
    const code = await build(['--out', dir, '--notes', 'en'], { out: () => {}, err: () => {} })
    if (code !== 0) throw new Error('build --notes en failed')
    return deckFile(dir, 'zh-Hant')
  }, browser)

  it('shows the English bullets in the presenter view for each slide, under Chinese slides', async () => {
    const { expected } = await shippedDecks()
    const page = await browser().newPage({ viewport: { width: 1400, height: 900 } })
    try {
      await page.goto(`${server().url}/presenter/3`, { waitUntil: 'load' })
      for (const [i, section] of expected.sections.entries()) {
        await goTo(page, { no: 3 + i, clicks: 0 })
        const english = async () => {
          const notes = await page.evaluate(readNotes)
          if (notes === 'missing') return 'missing'
          return { en: notes.paragraphs.filter((p) => p.lang === 'en' && p.point >= 0).map((p) => p.text), zh: notes.paragraphs.some((p) => p.lang === 'zh-Hant') }
        }
        await expect.poll(english).toEqual({ en: section.points.map((point) => point.detail.en), zh: false })
        // The slide in the presenter view is still the Chinese one.
        expect(await page.locator(`.slidev-page-${3 + i} .deck-section-heading [lang="zh-Hant"]`).first().textContent()).toBe(
          section.heading['zh-Hant'],
        )
      }
    } finally {
      await page.close()
    }
  })

  it('ignores the language key: its only language stays shown', async () => {
    const page = await browser().newPage({ viewport: CANVAS })
    try {
      await page.goto(`${server().url}/2`, { waitUntil: 'load' })
      await page.waitForSelector('.deck-bottom-line')
      // Ready for the key (were it pressed before, ignoring it would prove nothing).
      await currentSlide(page)
      await page.keyboard.press('l')
      await settle(page)
      expect(await page.evaluate(shownLanguages)).toMatchObject({ mode: 'both', en: 0 })
      expect((await page.evaluate(shownLanguages)).zh).toBeGreaterThan(0)
    } finally {
      await page.close()
    }
  })
})

describe('a bilingual slide whose languages each have more room alone', () => {
  const browser = useBrowser()
  const server = useDeckServer(async () => deckFile((await buildBrief('refit', longBrief())).dir, 'bilingual'), browser)

  it("grows its type when the presenter shows one language (to that language's deck's scale), and shrinks back for both", async () => {
    const page = await browser().newPage({ viewport: CANVAS })
    const watched = [watch(page)]
    try {
      await page.goto(`${server().url}/4?clicks=99`, { waitUntil: 'load' })
      await page.waitForSelector('.slidev-page-4 .deck-fit[data-deck-scale]')
      await waitForMode(page, 'both')
      await currentSlide(page)
      const scale = async () => {
        const fit = await page.evaluate(measureSlide, 4)
        if (fit === 'missing') throw new Error('slide 4 missing')
        expect(fit.problems).toEqual([])
        return fit.scale ?? NaN
      }
      const both = await scale()
      // The slide's own scales, as the build wrote them: one language alone has more room.
      const start = await page.evaluate(() => ({ ...document.querySelector<HTMLElement>('.slidev-page-4 .deck-fit')!.dataset }))
      expect(Number(start.deckStartZh), 'the fixture must have more room for Chinese alone').toBeGreaterThan(Number(start.deckStart))
      expect(Number(start.deckStartEn), 'the fixture must have more room for English alone').toBeGreaterThan(Number(start.deckStart))
      for (const mode of ['zh-Hant', 'en', 'both'] as const) {
        await page.keyboard.press('l')
        await waitForMode(page, mode)
        if (mode === 'both') await expect.poll(scale).toBe(both)
        else await expect.poll(scale).toBeGreaterThan(both)
      }
      await expectNoErrors(watched)
    } finally {
      await page.close()
    }
  })
})
