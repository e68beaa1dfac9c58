/**
 * Functions that run inside the page (`page.evaluate`): each is
 * self-contained, takes plain data and returns plain data.
 */

/** A text node whose language tag does not match its script. */
export interface LangProblem {
  text: string
  /** The nearest `lang` inside the checked element, or null for none. */
  lang: string | null
}

export interface LangRules {
  /** CSS selector of the element whose text is checked. */
  root: string
  /** The only languages allowed (the deck's). */
  allowed: string[]
  /** True when text without Han characters must be tagged `en` (the shipped briefs have no Latin text in Chinese). */
  latinIsEnglish: boolean
}

/**
 * Every non-empty text node under `root` needs an ancestor below `root`
 * (never `<html>`: that would hide untagged text) with a `lang` in `allowed`;
 * Han text needs `zh-Hant`.
 */
export function findLangProblems(rules: LangRules): LangProblem[] | 'missing' {
  const root = document.querySelector(rules.root)
  if (!root) return 'missing'
  const problems: LangProblem[] = []
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.nodeValue ?? '').trim()
    if (!text) continue
    let lang: string | null = null
    for (let el = node.parentElement; el && el !== root.parentElement; el = el.parentElement) {
      if (el.hasAttribute('lang') && el !== root) {
        lang = el.getAttribute('lang')
        break
      }
    }
    const han = /\p{Script=Han}/u.test(text)
    const wanted = han ? ['zh-Hant'] : rules.latinIsEnglish && /\p{L}/u.test(text) ? ['en'] : rules.allowed
    if (lang === null || !rules.allowed.includes(lang) || !wanted.includes(lang)) problems.push({ text: text.slice(0, 60), lang })
  }
  return problems
}

/** A box (element or line of text) that reaches outside the slide frame. */
export interface OverflowProblem {
  what: string
  /** How far outside the frame, in CSS pixels, on each side (positive = outside). */
  outside: { top: number; right: number; bottom: number; left: number }
}

export interface FitReport {
  /** The frame's size: the slide as Slidev lays it out. */
  frame: { width: number; height: number }
  problems: OverflowProblem[]
  /** DeckFit's verdict (`natural`, `scaled`, `below-minimum`, `overflow`) and scale. */
  fit: string | undefined
  scale: number | undefined
  /** How many boxes were measured: a test checks it is not zero. */
  measured: number
}

/** Measures every element and every line of text of slide `no` against the slide frame. */
export function measureSlide(no: number): FitReport | 'missing' {
  const page = document.querySelector<HTMLElement>(`.slidev-page-${no}`)
  const frameElement = document.querySelector('#slide-content') ?? page
  if (!page || !frameElement) return 'missing'
  const frame = frameElement.getBoundingClientRect()
  const problems: OverflowProblem[] = []
  let measured = 0
  const check = (rect: DOMRect, what: () => string) => {
    if (rect.width === 0 && rect.height === 0) return
    measured++
    const outside = {
      top: frame.top - rect.top,
      right: rect.right - frame.right,
      bottom: rect.bottom - frame.bottom,
      left: frame.left - rect.left,
    }
    // Half a pixel: sub-pixel rounding, not overflow.
    if (Object.values(outside).some((d) => d > 0.5)) problems.push({ what: what(), outside })
  }
  for (const el of page.querySelectorAll<HTMLElement>('*')) {
    check(el.getBoundingClientRect(), () => `<${el.tagName.toLowerCase()} class="${el.className}">`)
  }
  const walker = document.createTreeWalker(page, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!(node.nodeValue ?? '').trim()) continue
    const range = document.createRange()
    range.selectNodeContents(node)
    for (const rect of range.getClientRects()) check(rect, () => `text "${(node.nodeValue ?? '').trim().slice(0, 40)}"`)
  }
  const fit = page.querySelector<HTMLElement>('.deck-fit')
  return {
    frame: { width: frame.width, height: frame.height },
    problems,
    fit: fit?.dataset.deckFit,
    scale: fit?.dataset.deckScale === undefined ? undefined : Number(fit.dataset.deckScale),
    measured,
  }
}

/** The text a slide shows (all clicks revealed). */
export function slideText(no: number): string | null {
  return document.querySelector(`.slidev-page-${no}`)?.textContent ?? null
}

/**
 * For each point of slide `no`, whether the audience can see it: painted
 * (opacity above a trace, not `visibility: hidden`, taking room). Running CSS
 * transitions are finished first, so a point half faded in counts as shown.
 */
export function visiblePoints(no: number): boolean[] {
  for (const animation of document.getAnimations()) animation.finish()
  return [...document.querySelectorAll<HTMLElement>(`.slidev-page-${no} .deck-point`)].map((point) => {
    let opacity = 1
    for (let el: HTMLElement | null = point; el; el = el.parentElement) opacity *= Number(getComputedStyle(el).opacity)
    return opacity > 0.05 && getComputedStyle(point).visibility !== 'hidden' && point.getClientRects().length > 0
  })
}

/** One paragraph of the presenter's notes. */
export interface NoteParagraph {
  lang: string | null
  text: string
  /** Index of the point (`.deck-note-point`) it belongs to, or -1 before the first. */
  point: number
  /** Slidev fades every paragraph but those of the current click. */
  faded: boolean
}

export interface NotesState {
  paragraphs: NoteParagraph[]
  /** `data-clicks` of the active click mark, or null when none is active. */
  activeMark: string | null
  text: string
}

/**
 * Whether the presenter shows the current slide's notes: a dev server's presenter fetches a
 * slide's notes when it first comes, and shows Slidev's placeholder (`<p>No notes.</p>`, set
 * `select-none`) until the answer.
 */
export function notesLoaded(): boolean {
  const note = document.querySelector('.slidev-note')
  return note !== null && !note.classList.contains('select-none')
}

/** The presenter's notes of the current slide, as shown. */
export function readNotes(): NotesState | 'missing' {
  const note = document.querySelector('.slidev-note')
  if (!note) return 'missing'
  const points = [...note.querySelectorAll('.deck-note-point')]
  const paragraphs = [...note.querySelectorAll<HTMLElement>('p')].map((p) => ({
    lang: p.getAttribute('lang'),
    text: p.textContent ?? '',
    point: points.findIndex((point) => point.contains(p)),
    faded: p.closest('.slidev-note-fade') !== null,
  }))
  return {
    paragraphs,
    activeMark: note.querySelector('.slidev-note-click-mark-active')?.getAttribute('data-clicks') ?? null,
    text: note.textContent ?? '',
  }
}

/** How a text of slide `no` is set: every piece of text on it, each in the element that holds it. */
export interface LangTypography {
  /** The language of its closest tagged ancestor (the page's own, failing any). */
  lang: string
  text: string
  fontFamily: string
  lineBreak: string
}

export function readTypography(no: number): LangTypography[] {
  const page = document.querySelector(`.slidev-page-${no}`)
  if (!page) return []
  const texts = document.createTreeWalker(page, NodeFilter.SHOW_TEXT)
  const found: LangTypography[] = []
  for (let node = texts.nextNode(); node; node = texts.nextNode()) {
    const el = node.parentElement
    const text = node.textContent?.trim() ?? ''
    if (!el || text === '' || el.closest('style, script')) continue
    const style = getComputedStyle(el)
    found.push({ lang: el.closest('[lang]')?.getAttribute('lang') ?? '', text, fontFamily: style.fontFamily, lineBreak: style.lineBreak })
  }
  return found
}

/** A piece of slide text and the size it is drawn at, in CSS px of the slide's canvas. */
export interface TextSize {
  text: string
  px: number
  /**
   * `title`: a slide's heading or the deck's title (first language); `secondary`: a second
   * language's line under the first (`.lang-zh + .lang-en`) or a label; `primary`: the rest.
   */
  role: 'title' | 'primary' | 'secondary'
}

export interface SlideSizes {
  /** The slide canvas's width in CSS px, before any scaling to the window. */
  canvasWidth: number
  texts: TextSize[]
  /** How far down the slide its lowest line of text reaches, as a share of the slide's height. */
  reach: number
  /** `section`, `title` or `bottom-line`, from the slide's component. */
  kind: string
  /** The font size of the slide's points (px), for a section slide. */
  pointPx: number | undefined
}

/** Every text of slide `no` with its drawn size and role, and how far down the slide its text reaches. */
export function readSizes(no: number): SlideSizes | 'missing' {
  const page = document.querySelector<HTMLElement>(`.slidev-page-${no}`)
  const frameElement = document.querySelector('#slide-content') ?? page
  if (!page || !frameElement) return 'missing'
  const frame = frameElement.getBoundingClientRect()
  const texts: TextSize[] = []
  let bottom = frame.top
  const walker = document.createTreeWalker(page, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement
    const text = (node.nodeValue ?? '').trim()
    if (!el || text === '' || el.closest('style, script, [data-outline-heading]')) continue
    const range = document.createRange()
    range.selectNodeContents(node)
    const rects = [...range.getClientRects()].filter((rect) => rect.width > 0 && rect.height > 0)
    if (rects.length === 0) continue
    for (const rect of rects) bottom = Math.max(bottom, rect.bottom)
    const secondary = el.closest('.deck-label') !== null || el.closest('.lang-zh + .lang-en') !== null
    const title = !secondary && el.closest('.deck-section-heading, .deck-title-main') !== null
    texts.push({ text: text.slice(0, 60), px: parseFloat(getComputedStyle(el).fontSize), role: secondary ? 'secondary' : title ? 'title' : 'primary' })
  }
  const kind = page.querySelector('.deck-section') ? 'section' : page.querySelector('.deck-title') ? 'title' : page.querySelector('.deck-bottom-line') ? 'bottom-line' : 'other'
  const point = page.querySelector('.deck-point')
  return {
    canvasWidth: page.offsetWidth,
    texts,
    reach: (bottom - frame.top) / frame.height,
    kind,
    pointPx: point ? parseFloat(getComputedStyle(point).fontSize) : undefined,
  }
}
