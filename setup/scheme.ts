/**
 * The slides' colour scheme (scripts/deck/scheme.ts), as the build wrote it into
 * the deck's headmatter: a dark deck marks the page, and setup/scheme.css
 * colours the slides — in the audience view, the presenter's slide previews, the
 * static site and the one-file deck alike. The presenter view's own panels keep
 * their light ground: they are read up close, on the presenter's screen.
 * (The export's print page is marked by scripts/print/print-page.ts instead: it
 * renders the components without Slidev, where this module cannot load.)
 */
import configs from '#slidev/configs'
import './scheme.css'

export const SCHEME_ATTRIBUTE = 'data-deck-scheme'

export function initScheme(): void {
  const scheme = (configs as { briefdeck?: { scheme?: string } }).briefdeck?.scheme
  if (scheme === 'dark') document.documentElement.setAttribute(SCHEME_ATTRIBUTE, scheme)
}
