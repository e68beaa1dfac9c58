/**
 * Blanking the projector, as a presentation clicker's "blank" button does:
 * `B` or `.` turns the audience's screen black, `W` white, the same key again
 * shows the slide. Every window of the deck in this browser follows at once
 * (the `storage` event), as the shown languages do (show-mode.ts); a reloaded
 * projector window stays blank. Only slide pages (the audience's) are covered:
 * the presenter view keeps its slide and notes, and says the screen is blank.
 */
import type { Router } from 'vue-router'
import './blank-screen.css'

export const BLANKS = ['black', 'white'] as const
export type Blank = (typeof BLANKS)[number]

/** Fired on window after the blank changed, for the presenter's indicator. */
export const BLANK_EVENT = 'briefdeck:blank'

const ATTRIBUTE = 'data-deck-blank'

/** One key per deck (a site serves each deck under its own base path). */
function storageKey(): string {
  return `briefdeck:blank:${import.meta.env.BASE_URL}`
}

function isBlank(value: unknown): value is Blank {
  return typeof value === 'string' && (BLANKS as readonly string[]).includes(value)
}

export function currentBlank(): Blank | undefined {
  const stored = localStorage.getItem(storageKey())
  return isBlank(stored) ? stored : undefined
}

/** `B`/`.` and `W`: that colour, or the slide again if the screen already shows it. */
export function toggleBlank(blank: Blank): void {
  if (currentBlank() === blank) localStorage.removeItem(storageKey())
  else localStorage.setItem(storageKey(), blank)
  apply()
}

export function unblank(): void {
  localStorage.removeItem(storageKey())
  apply()
}

let cover: HTMLElement | undefined
let onSlidePage = false

function apply(): void {
  const blank = currentBlank()
  if (blank && onSlidePage) document.documentElement.setAttribute(ATTRIBUTE, blank)
  else document.documentElement.removeAttribute(ATTRIBUTE)
  window.dispatchEvent(new CustomEvent(BLANK_EVENT, { detail: blank }))
}

/** A slide page (`/3`), as the audience sees it; not the presenter view, the overview or a print page. */
function isSlidePath(path: string): boolean {
  return /^\/(?:\d+)?$/.test(path)
}

export function initBlankScreen(router: Router): void {
  // A real element over everything, so that nothing of the slide (nor Slidev's controls) shows through.
  cover = document.createElement('div')
  cover.className = 'deck-blank'
  cover.setAttribute('aria-hidden', 'true')
  document.body.append(cover)
  const follow = (path: string) => {
    onSlidePage = isSlidePath(path)
    apply()
  }
  router.afterEach((to) => follow(to.path))
  void router.isReady().then(() => follow(router.currentRoute.value.path))
  window.addEventListener('storage', (event) => {
    if (event.key === storageKey()) apply()
  })
}
