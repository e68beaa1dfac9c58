import { FIT_STEP as STEP, FLOOR_SCALE, MIN_READABLE_SCALE as MIN_SCALE } from './fit-scale.ts'

/**
 * Sets a slide's content box (components/DeckFit.vue) at the scale the build
 * chose for it (`data-deck-start`, scripts/deck/fit.ts) and shrinks it step by
 * step only while its content does not fit: the one algorithm behind the
 * presented slides and the export's print page, so both end at the same size.
 * Every size inside is in `em`, so one font size (`--deck-scale`) scales the
 * whole slide.
 */

/** Sub-pixel rounding in scrollHeight is not overflow. */
const TOLERANCE_PX = 1

function overflows(el: HTMLElement): boolean {
  return el.scrollHeight > el.clientHeight + TOLERANCE_PX || el.scrollWidth > el.clientWidth + TOLERANCE_PX
}

/**
 * The scale the build chose: in the bilingual deck showing one language (setup/show-mode.ts,
 * or an export's `--show`), that language's deck's scale, as its slides then hold what that deck's do.
 */
function startScale(el: HTMLElement): number {
  const show = document.documentElement.dataset.deckShow
  const shown = show === 'zh-Hant' ? el.dataset.deckStartZh : show === 'en' ? el.dataset.deckStartEn : undefined
  return Number(shown ?? el.dataset.deckStart ?? '1') || 1
}

export function fitBox(el: HTMLElement): void {
  // A slide that is not shown has no size: measure it when it is (the ResizeObserver fires then).
  if (el.clientHeight === 0) return
  const start = startScale(el)
  let scale = start
  el.style.setProperty('--deck-scale', String(scale))
  // Each step forces a synchronous layout; at most a few dozen steps of a small tree.
  while (overflows(el) && scale - STEP >= FLOOR_SCALE - 1e-9) {
    scale = Math.round((scale - STEP) * 100) / 100
    el.style.setProperty('--deck-scale', String(scale))
  }
  el.dataset.deckScale = String(scale)
  el.dataset.deckFit = overflows(el) ? 'overflow' : scale < MIN_SCALE - 1e-9 ? 'below-minimum' : scale < start ? 'scaled' : 'natural'
}
