/**
 * Which languages the bilingual deck shows: both, Chinese only or English
 * only. The presenter cycles it (key `L`, or the control in the nav bar);
 * every window of the deck in this browser follows at once (the `storage`
 * event), and the choice survives slide changes and reloads (localStorage).
 * `?show=zh-Hant` (or `en`, `both`) in the URL sets it, for exports.
 *
 * The mode is an attribute on <html>; setup/show-mode.css hides the other
 * language (display: none, so it takes no room) and gives the shown one the
 * full size.
 */
import configs from '#slidev/configs'
import './show-mode.css'
import { fileChannel, oneFileKind } from './file-sync.ts'
import { SHOW_MODE_EVENT } from './show-mode-event.ts'

export const SHOW_MODES = ['both', 'zh-Hant', 'en'] as const
export type ShowMode = (typeof SHOW_MODES)[number]

export { SHOW_MODE_EVENT }

const ATTRIBUTE = 'data-deck-show'

/** Only a deck that shows both languages can switch (the build marks it in the headmatter). */
export function canSwitch(): boolean {
  // Written by the build (scripts/deck/render.ts); Slidev passes unknown headmatter keys through.
  const briefdeck = (configs as { briefdeck?: { languages?: string[] } }).briefdeck
  return (briefdeck?.languages?.length ?? 0) > 1
}

/** One key per deck (a site serves each deck under its own base path). */
function storageKey(): string {
  return `briefdeck:show:${import.meta.env.BASE_URL}`
}

function isShowMode(value: unknown): value is ShowMode {
  return typeof value === 'string' && (SHOW_MODES as readonly string[]).includes(value)
}

export function currentShowMode(): ShowMode {
  const value = document.documentElement.getAttribute(ATTRIBUTE)
  return isShowMode(value) ? value : 'both'
}

/** The deck's own `<html lang>`, restored when both languages are shown again. */
let deckLang: string | undefined

function apply(mode: ShowMode): void {
  if (currentShowMode() === mode && document.documentElement.hasAttribute(ATTRIBUTE)) return
  deckLang ??= document.documentElement.lang
  document.documentElement.setAttribute(ATTRIBUTE, mode)
  // One language shown: the page is in that language (screen readers, a printed PDF's /Lang).
  document.documentElement.lang = mode === 'both' ? deckLang : mode
  window.dispatchEvent(new CustomEvent(SHOW_MODE_EVENT, { detail: mode }))
}

/** In a deck opened as one file: tells the other window of the pair (setup/file-sync.ts). */
let tellPeer: ((mode: ShowMode) => void) | undefined

export function setShowMode(mode: ShowMode): void {
  if (!canSwitch()) return
  if (tellPeer) tellPeer(mode)
  else localStorage.setItem(storageKey(), mode)
  apply(mode)
}

export function cycleShowMode(): void {
  const next = SHOW_MODES[(SHOW_MODES.indexOf(currentShowMode()) + 1) % SHOW_MODES.length]!
  setShowMode(next)
}

/** Reads the URL or the stored choice, and follows changes made in other windows. */
export function initShowMode(): void {
  if (!canSwitch()) return apply('both')
  if (oneFileKind()) {
    // Every file:// page shares one localStorage: another file's choice must not reach this deck.
    tellPeer = fileChannel('show', currentShowMode, (mode) => isShowMode(mode) && apply(mode))
    const requested = new URLSearchParams(location.search).get('show')
    return apply(isShowMode(requested) ? requested : 'both')
  }
  const requested = new URLSearchParams(location.search).get('show')
  if (isShowMode(requested)) localStorage.setItem(storageKey(), requested)
  const stored = localStorage.getItem(storageKey())
  apply(isShowMode(stored) ? stored : 'both')
  window.addEventListener('storage', (event) => {
    if (event.key === storageKey() && isShowMode(event.newValue)) apply(event.newValue)
  })
}
