/**
 * Measures of the presenter view's notes panel, taken in the page: how much
 * of the window it has, where the bullet being spoken lies in it, and the
 * contrast of the notes of the other clicks.
 */
import type { Page } from 'playwright-chromium'

export interface PanelShare {
  /** The notes pane's area over the window's. */
  share: number
  /** Boxes that must stay in view beside the notes (null when missing or empty). */
  slide: boolean
  next: boolean
  pacing: boolean
}

export function panelShare(page: Page): Promise<PanelShare> {
  return page.evaluate(() => {
    const inView = (selector: string) => {
      const element = document.querySelector(selector)
      if (!element) return false
      const box = element.getBoundingClientRect()
      return box.width > 50 && box.height > 20 && box.left >= 0 && box.top >= 0 && box.right <= innerWidth + 0.5 && box.bottom <= innerHeight + 0.5
    }
    const note = document.querySelector('.slidev-presenter .grid-section.note')!.getBoundingClientRect()
    return {
      share: (note.width * note.height) / (innerWidth * innerHeight),
      slide: inView('#slide-content'),
      next: inView('.slidev-presenter .grid-section.next .slidev-slide-container') || inView('.slidev-presenter .grid-section.next'),
      pacing: inView('.deck-pacing'),
    }
  })
}

export interface ActivePoint {
  /** The click whose marker Slidev highlights (null before the first click). */
  click: number | null
  /** Languages of the paragraphs in that click's bullet. */
  langs: string[]
  /** The bullet's box against the panel's visible box (its scrolling area), in pixels of the window. */
  top: number
  bottom: number
  panelTop: number
  panelBottom: number
}

/** Where the bullet of the highlighted click lies: Slidev's active marker, in its `.deck-note-point`. */
export function activePoint(page: Page): Promise<ActivePoint | null> {
  return page.evaluate(() => {
    const scroller = document.querySelector<HTMLElement>('.slidev-presenter .grid-section.note .slidev-note')
    const mark = scroller?.querySelector<HTMLElement>('.slidev-note-click-mark-active')
    const point = mark?.closest<HTMLElement>('.deck-note-point')
    if (!scroller || !mark || !point) return null
    const box = scroller.getBoundingClientRect()
    const panelTop = Math.max(0, box.top + scroller.clientTop)
    const panelBottom = Math.min(innerHeight, box.top + scroller.clientTop + scroller.clientHeight)
    const rect = point.getBoundingClientRect()
    const langs = [...point.querySelectorAll('p[lang]')].filter((p) => p.getClientRects().length > 0).map((p) => p.getAttribute('lang') ?? '')
    return { click: Number(mark.dataset['clicks']), langs, top: rect.top, bottom: rect.bottom, panelTop, panelBottom }
  })
}

/** Wholly in the panel, or, when taller than it, starting at its top. */
export function pointInView(point: ActivePoint): boolean {
  const slack = 1
  if (point.bottom - point.top > point.panelBottom - point.panelTop) return Math.abs(point.top - point.panelTop) <= slack
  return point.top >= point.panelTop - slack && point.bottom <= point.panelBottom + slack
}

export interface FadedText {
  text: string
  ratio: number
}

/**
 * The contrast of every element with text of its own in the faded notes,
 * as axe computes it: the text colour, its alpha times every ancestor's
 * opacity, blended over the backgrounds behind it (down to white).
 */
export function fadedContrasts(page: Page): Promise<FadedText[]> {
  return page.evaluate(() => {
    type Rgba = [number, number, number, number]
    const parse = (color: string): Rgba => {
      const parts = /rgba?\(([^)]+)\)/.exec(color)?.[1]?.split(/[\s,/]+/).filter(Boolean).map(Number)
      if (!parts || parts.length < 3) throw new Error(`unreadable colour ${color}`)
      return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1]
    }
    const over = (top: Rgba, bottom: Rgba): Rgba => {
      const a = top[3] + bottom[3] * (1 - top[3])
      const mix = (i: number) => (top[i]! * top[3] + bottom[i]! * bottom[3] * (1 - top[3])) / a
      return [mix(0), mix(1), mix(2), a]
    }
    const luminance = ([r, g, b]: Rgba) => {
      const channel = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }
    const chain = (element: Element) => {
      const list: Element[] = []
      for (let e: Element | null = element; e; e = e.parentElement) list.push(e)
      return list
    }
    const background = (element: Element): Rgba => {
      let color: Rgba = [255, 255, 255, 1]
      for (const e of chain(element).reverse()) color = over(parse(getComputedStyle(e).backgroundColor), color)
      return color
    }
    const panel = document.querySelector('.slidev-presenter .grid-section.note .slidev-note')!
    const faded = [...panel.querySelectorAll('.slidev-note-fade')]
    const texts = [...new Set(faded.flatMap((element) => [element, ...element.querySelectorAll('*')]))].filter((element) =>
      [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim()) && element.getClientRects().length > 0,
    )
    return texts.map((element) => {
      const style = getComputedStyle(element)
      const opacity = chain(element).reduce((product, e) => product * Number(getComputedStyle(e).opacity), 1)
      const [r, g, b, a] = parse(style.color)
      const back = background(element)
      const fore = over([r, g, b, a * opacity], back)
      const [light, dark] = [luminance(fore), luminance(back)].sort((x, y) => y - x) as [number, number]
      return { text: (element.textContent ?? '').trim().slice(0, 40), ratio: (light + 0.05) / (dark + 0.05) }
    })
  })
}
