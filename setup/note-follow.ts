/**
 * Keeps the bullet being spoken wholly in the presenter's notes panel.
 * Slidev marks the current click's marker (`slidev-note-click-mark-active`)
 * but its static notes do not scroll, and its editable ones centre the
 * marker, which cuts a tall bullet. Here the bullet is the marker's
 * `.deck-note-point` (both languages of a point in the bilingual deck): when
 * it is not wholly in view it is brought to the panel's top, so what follows
 * shows beneath it; one taller than the panel starts at its top. Before the
 * first click, the notes start at their top.
 */
import { NOTES_LANG_EVENT, SHOW_MODE_EVENT } from './show-mode-event.ts'

const ACTIVE_MARK = '.slidev-note-click-mark-active'
/** Room left above a bullet that fits, so that it does not stick to the panel's edge. */
const MARGIN_PX = 12

/** The part of the notes spoken at the current click, or null before the first click. */
export function activePoint(scroller: HTMLElement): HTMLElement | null {
  const mark = scroller.querySelector<HTMLElement>(ACTIVE_MARK)
  if (!mark) return null
  const point = mark.closest<HTMLElement>('.deck-note-point')
  if (point && scroller.contains(point)) return point
  // Notes not written by briefdeck: the marker's own paragraph.
  return mark.parentElement && mark.parentElement !== scroller ? mark.parentElement : mark
}

/** The scroll position that shows `point` wholly (or from its start), or null when it already is in view. */
export function scrollTarget(scroller: HTMLElement, point: HTMLElement | null): number | null {
  if (!point) return scroller.scrollTop === 0 ? null : 0
  const box = scroller.getBoundingClientRect()
  const top = box.top + scroller.clientTop
  const height = scroller.clientHeight
  const rect = point.getBoundingClientRect()
  if (rect.top >= top && rect.bottom <= top + height) return null
  const margin = rect.height + MARGIN_PX <= height ? MARGIN_PX : 0
  return Math.max(0, scroller.scrollTop + rect.top - top - margin)
}

function reveal(panel: HTMLElement): void {
  const scroller = panel.querySelector<HTMLElement>('.slidev-note')
  if (!scroller) return
  const target = scrollTarget(scroller, activePoint(scroller))
  if (target === null) return
  const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches
  scroller.scrollTo({ top: target, behavior: still ? 'auto' : 'smooth' })
}

/**
 * Follows the clicks in `panel` (Slidev's `.grid-section.note`) until the
 * returned function is called: on every change of the highlighted click, of
 * the slide, the font size, the languages shown, the fonts and the panel's size.
 */
export function followActiveNote(panel: HTMLElement): () => void {
  const update = () => reveal(panel)
  // Slidev toggles classes on the notes at each click and replaces them at each slide;
  // its zoom buttons set their font size in a style attribute.
  const mutations = new MutationObserver(update)
  mutations.observe(panel, { subtree: true, childList: true, attributes: true, attributeFilter: ['class', 'style'] })
  const resizes = new ResizeObserver(update)
  resizes.observe(panel)
  window.addEventListener(SHOW_MODE_EVENT, update)
  window.addEventListener(NOTES_LANG_EVENT, update)
  document.fonts.addEventListener('loadingdone', update)
  update()
  return () => {
    mutations.disconnect()
    resizes.disconnect()
    window.removeEventListener(SHOW_MODE_EVENT, update)
    window.removeEventListener(NOTES_LANG_EVENT, update)
    document.fonts.removeEventListener('loadingdone', update)
  }
}
