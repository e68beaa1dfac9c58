/**
 * Walks a served deck the way a presenter does, with the arrow key, and
 * records what the tests check: each slide once all its clicks are shown,
 * then the presenter view of each slide, click by click. One page load for
 * the slides and one for the presenter serve all of a file's tests.
 */
import type { Browser, Page } from 'playwright-chromium'
import type { ExpectedContent } from './expect-deck.ts'
import { pressFrom, slideReady, type Position } from '../support/slide-ready.ts'
import { CANVAS, settle } from './fixture.ts'
import {
  findLangProblems,
  measureSlide,
  notesLoaded,
  readNotes,
  readSizes,
  readTypography,
  slideText,
  visiblePoints,
  type FitReport,
  type LangProblem,
  type LangTypography,
  type LangRules,
  type NotesState,
  type SlideSizes,
} from './probes.ts'
import { watch, type Traffic } from './traffic.ts'

export interface SlideVisit {
  no: number
  htmlLang: string
  fit: FitReport | 'missing'
  lang: LangProblem[] | 'missing'
  text: string | null
  typography: LangTypography[]
  /** Each text's drawn size and role, and how far down the slide its text reaches. */
  sizes: SlideSizes | 'missing'
  /** `window.__pwned`, which a brief's script would set. */
  pwned: unknown
  /** For each click from 0 to the last, which of the slide's points the audience sees. */
  revealed: boolean[][]
}

export interface PresenterStep {
  /** Clicks after this step. */
  clicks: number
  activeMark: string | null
  /** The points whose paragraphs are not faded. */
  litPoints: number[]
}

export interface PresenterVisit {
  no: number
  /** The notes before the first click. */
  notes: NotesState | 'missing'
  lang: LangProblem[] | 'missing'
  steps: PresenterStep[]
  pwned: unknown
}

export interface DeckWalk {
  slides: SlideVisit[]
  presenter: PresenterVisit[]
  traffic: Traffic
  /** Font faces the page loaded, as `family weight status`. */
  fonts: string[]
}

/** How many clicks each slide has: title and bottom line none, a section one per point. */
export function clicksPerSlide(content: ExpectedContent): number[] {
  return [0, 0, ...content.sections.map((section) => section.points.length)]
}

export interface WalkOptions {
  browser: Browser
  url: string
  content: ExpectedContent
  /** The deck's languages, e.g. ['zh-Hant', 'en'] for the bilingual deck. */
  langs: string[]
  latinIsEnglish: boolean
  /** Walk the presenter view too (default true). */
  presenter?: boolean
}

export async function walkDeck(options: WalkOptions): Promise<DeckWalk> {
  const { browser, url, content } = options
  const clicks = clicksPerSlide(content)
  const context = await browser.newContext({ viewport: CANVAS })
  const page = await context.newPage()
  const recorder = watch(page)
  // A loaded machine (two cores, other servers) can be slow; a real hang still fails.
  page.setDefaultTimeout(60_000)
  page.setDefaultNavigationTimeout(120_000)
  const rules = (root: string): LangRules => ({ root, allowed: options.langs, latinIsEnglish: options.latinIsEnglish })
  const pwned = () => page.evaluate(() => (window as { __pwned?: unknown }).__pwned)
  try {
    const slides: SlideVisit[] = []
    let revealed: boolean[][] = []
    await page.goto(`${url}/1`, { waitUntil: 'load' })
    await stepThrough(page, clicks, async (no, click) => {
      if (click === 0) revealed = []
      revealed.push(await page.evaluate(visiblePoints, no))
      if (click !== clicks[no - 1]) return
      await settle(page)
      slides.push({
        no,
        htmlLang: await page.evaluate(() => document.documentElement.lang),
        fit: await page.evaluate(measureSlide, no),
        lang: await page.evaluate(findLangProblems, rules(`.slidev-page-${no}`)),
        text: await page.evaluate(slideText, no),
        typography: await page.evaluate(readTypography, no),
        sizes: await page.evaluate(readSizes, no),
        pwned: await pwned(),
        revealed,
      })
    })
    const fonts = await page.evaluate(() => [...document.fonts].map((f) => `${f.family} ${f.weight} ${f.status}`))

    if (options.presenter === false) return { slides, presenter: [], traffic: recorder.traffic(), fonts }

    await recorder.quiet()
    // The presenter's screen is larger than the slide.
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.goto(`${url}/presenter/1`, { waitUntil: 'load' })
    const presenter: PresenterVisit[] = []
    await stepThrough(page, clicks, async (no, click) => {
      await settle(page)
      if (click === 0) {
        // If they never come, record what is shown and let the test fail.
        await page.waitForFunction(notesLoaded, null, { timeout: 30_000, polling: 50 }).catch(() => undefined)
        presenter.push({
          no,
          notes: await page.evaluate(readNotes),
          lang: await page.evaluate(findLangProblems, rules('.slidev-note')),
          steps: [],
          pwned: await pwned(),
        })
        return
      }
      // Wait for the highlight to move; if it never does, record what is shown and let the test fail.
      await page
        .waitForFunction((n) => document.querySelector(`.slidev-note .slidev-note-click-mark-active[data-clicks="${n}"]`), click, { timeout: 30_000 })
        .catch(() => undefined)
      const notes = await page.evaluate(readNotes)
      presenter.at(-1)?.steps.push({
        clicks: click,
        activeMark: notes === 'missing' ? null : notes.activeMark,
        litPoints: notes === 'missing' ? [] : [...new Set(notes.paragraphs.filter((p) => p.point >= 0 && !p.faded).map((p) => p.point))],
      })
    })
    const last = presenter.at(-1)
    if (last) last.pwned = await pwned()
    await recorder.quiet()
    // Taken now: requests the closing page aborts are not the deck's.
    return { slides, presenter, traffic: recorder.traffic(), fonts }
  } finally {
    await context.close()
  }
}

/**
 * Presses ArrowRight from slide 1 to the last click of the last slide and calls
 * `at` at each position, once Slidev is there with the slide's clicks registered
 * (a key pressed before that would skip them).
 */
async function stepThrough(page: Page, clicks: number[], at: (no: number, click: number) => Promise<void>): Promise<void> {
  let previous: Position | undefined
  for (let no = 1; no <= clicks.length; no++) {
    for (let click = 0; click <= (clicks[no - 1] ?? 0); click++) {
      const position = { no, clicks: click }
      if (previous) await pressFrom(page, 'ArrowRight', previous, position)
      else await slideReady(page, position, 120_000)
      if (click === 0) await page.locator(`.slidev-page-${no} .deck-fit`).first().waitFor({ state: 'visible' })
      await at(no, click)
      previous = position
    }
  }
}
