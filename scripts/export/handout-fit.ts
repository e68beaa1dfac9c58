import type { HandoutFitSteps } from './handout-html.ts'

/** What the handout's fitting needs (scripts/export/handout-html.ts sets the values). */
export interface HandoutFitInput extends HandoutFitSteps {
  /** The height a page holds, in CSS pixels. */
  pagePx: number
  /** The slide frame's full width, in CSS pixels. */
  framePx: number
  /** Class of the frame, and of each slide's template for a page that carries its notes on. */
  frame: string
  continued: string
}

/** How a slide's notes were fitted: its picture's share of the width, the notes' type, the pages it takes. */
export interface HandoutFit {
  picture: number
  notesPt: number
  pages: number
}

/**
 * Runs in the print page, on the handout's pages (one section a slide).
 * Each slide's page is measured as Chromium lays it out: if it is taller
 * than a page, the slide's picture shrinks, then the notes' type, step by
 * step, until it fits. Notes that do not fit at the smallest sizes carry
 * on on pages of their own, at the sizes that need the fewest pages (the
 * largest among equals), each page starting with the slide's header and
 * title marked continued, and holding at least `minLines` lines of notes.
 * A paragraph is cut where a line starts, so no line is lost or doubled.
 */
export function fitHandout(input: HandoutFitInput): HandoutFit[] {
  // Layout and print round differently: a page is taken as a few pixels shorter than it is.
  const limit = input.pagePx - 4
  const smallestPicture = input.pictureSteps[input.pictureSteps.length - 1]!
  const states = [
    ...input.pictureSteps.map((picture) => ({ picture, notesPt: input.notesPtSteps[0]! })),
    ...input.notesPtSteps.slice(1).map((notesPt) => ({ picture: smallestPicture, notesPt })),
  ]
  type State = (typeof states)[number]
  type Line = { p: HTMLElement; top: number; bottom: number; first: boolean }

  const fits = (page: HTMLElement) => page.getBoundingClientRect().height <= limit

  /** The notes' lines, each with its line box's top and bottom (a text box lies inside its line's box). */
  const noteLines = (notes: HTMLElement): Line[] => {
    const lines: Line[] = []
    for (const p of notes.children as HTMLCollectionOf<HTMLElement>) {
      const range = document.createRange()
      range.selectNodeContents(p)
      const leading = (parseFloat(getComputedStyle(p).lineHeight) - parseFloat(getComputedStyle(p).fontSize)) / 2
      let first = true
      for (const rect of range.getClientRects()) {
        if (rect.height === 0) continue
        const last = lines[lines.length - 1]
        const middle = (rect.top + rect.bottom) / 2
        if (last && last.p === p && middle < last.bottom) {
          last.bottom = Math.max(last.bottom, rect.bottom + leading)
          continue
        }
        lines.push({ p, top: rect.top - leading, bottom: rect.bottom + leading, first })
        first = false
      }
    }
    return lines
  }

  /** Where in its paragraph's text a line starts: the first character drawn below the line's top. */
  const lineStart = (text: Text, line: Line): number => {
    const range = document.createRange()
    for (let i = 0; i < text.length; i++) {
      const code = text.data.charCodeAt(i)
      if ((code >= 0xdc00 && code <= 0xdfff) || /\s/.test(text.data[i]!)) continue
      range.setStart(text, i)
      range.setEnd(text, i + (code >= 0xd800 && code <= 0xdbff ? 2 : 1))
      const rect = range.getClientRects()[0]
      if (rect && (rect.top + rect.bottom) / 2 > line.top) return i
    }
    return text.length
  }

  /** Moves the notes that overflow `page` onto a new page after it; undefined when nothing can move. */
  const carryOn = (page: HTMLElement, template: HTMLTemplateElement): HTMLElement | undefined => {
    const notes = page.querySelector<HTMLElement>('.handout-notes')!
    const bottom = page.getBoundingClientRect().top + limit
    const lines = noteLines(notes)
    const over = lines.findIndex((line) => line.bottom > bottom)
    if (over < 0) return undefined
    // The next page gets at least `minLines`, taken from this one's end if need be.
    let keep = Math.max(0, Math.min(over, lines.length - input.minLines))
    // A page of notes alone must keep some, or the notes would move on for ever.
    if (keep === 0 && !page.querySelector(`.${input.frame}`)) keep = over
    if (keep === 0 && over === 0 && !page.querySelector(`.${input.frame}`)) return undefined
    const moved = notes.cloneNode(false) as HTMLElement
    const line = lines[keep]!
    let next: Element | null = line.p
    if (!line.first) {
      const text = line.p.firstChild as Text
      const at = lineStart(text, line)
      const tail = line.p.cloneNode(false) as HTMLElement
      tail.textContent = text.data.slice(at)
      text.data = text.data.slice(0, at)
      moved.append(tail)
      next = line.p.nextElementSibling
    }
    while (next) {
      const following: Element | null = next.nextElementSibling
      moved.append(next)
      next = following
    }
    const continuation = document.createElement('section')
    continuation.className = page.className
    continuation.dataset.continued = ''
    continuation.style.cssText = page.style.cssText
    continuation.append(template.content.cloneNode(true), moved)
    page.after(continuation)
    return continuation
  }

  document.querySelector('.handout-probe')?.remove()
  const fitted: HandoutFit[] = []
  for (const page of document.querySelectorAll<HTMLElement>('#handout > .handout-slide')) {
    const frame = page.querySelector<HTMLElement>(`.${input.frame}`)!
    const slide = frame.firstElementChild as HTMLElement
    const template = page.querySelector<HTMLTemplateElement>(`template.${input.continued}`)!
    const pristine = page.querySelector('.handout-notes')!.cloneNode(true)
    const apply = (state: State) => {
      page.style.setProperty('--handout-picture', String(state.picture))
      page.style.setProperty('--handout-notes-size', `${state.notesPt}pt`)
      const scale = (input.framePx * state.picture) / slide.offsetWidth
      frame.style.height = `${slide.offsetHeight * scale}px`
      slide.style.transform = `scale(${scale})`
    }
    /** Carries the notes on over as many pages as they need: how many pages the slide takes. */
    const split = (): number => {
      let pages = 1
      for (let last = page; !fits(last); pages++) {
        const next = carryOn(last, template)
        if (!next) break
        last = next
      }
      return pages
    }
    const undo = () => {
      while ((page.nextElementSibling as HTMLElement | null)?.dataset.continued === '') page.nextElementSibling!.remove()
      page.querySelector('.handout-notes')!.replaceWith(pristine.cloneNode(true))
    }
    const one = states.find((state) => (apply(state), fits(page)))
    if (one) {
      fitted.push({ ...one, pages: 1 })
      continue
    }
    let best: { state: State; pages: number } | undefined
    for (const state of states) {
      apply(state)
      const pages = split()
      undo()
      if (!best || pages < best.pages) best = { state, pages }
    }
    apply(best!.state)
    fitted.push({ ...best!.state, pages: split() })
  }
  return fitted
}
