import { FIT_STEP as STEP, FLOOR_SCALE, MIN_READABLE_SCALE as MIN_SCALE } from './fit-scale.ts'

/**
 * Shrinks a slide's content box (components/DeckFit.vue) step by step until
 * its content fits: the one algorithm behind the presented slides and the
 * export's print page, so both end at the same size. Every size inside is in
 * `em`, so one font size (`--deck-scale`) scales the whole slide.
 */

/** Sub-pixel rounding in scrollHeight is not overflow. */
const TOLERANCE_PX = 1

function overflows(el: HTMLElement): boolean {
  return el.scrollHeight > el.clientHeight + TOLERANCE_PX || el.scrollWidth > el.clientWidth + TOLERANCE_PX
}

export function fitBox(el: HTMLElement): void {
  // A slide that is not shown has no size: measure it when it is (the ResizeObserver fires then).
  if (el.clientHeight === 0) return
  let scale = 1
  el.style.setProperty('--deck-scale', String(scale))
  // Each step forces a synchronous layout; at most 14 steps of a small tree.
  while (overflows(el) && scale - STEP >= FLOOR_SCALE - 1e-9) {
    scale = Math.round((scale - STEP) * 100) / 100
    el.style.setProperty('--deck-scale', String(scale))
  }
  el.dataset.deckScale = String(scale)
  el.dataset.deckFit = overflows(el) ? 'overflow' : scale < MIN_SCALE ? 'below-minimum' : scale < 1 ? 'scaled' : 'natural'
}
