import type { ExportDeck } from './deck.ts'
import { intoHandout } from './handout-page.ts'
import { PAGE_SIZE_STYLE } from '../print/print-origin.ts'
import { renderScript, SCRIPT_CSS, SCRIPT_FRAME, SCRIPT_FRAME_PX } from './script-html.ts'
import type { SlidesPage } from './slides-page.ts'

/**
 * Prints the speaker's script from the deck's print page, as the handout is
 * printed (each slide, as printed, moved into its frame: text in the decks'
 * fonts, not a picture of it), with the script's pages (script-html.ts).
 * Like the handout, it takes the slides into its pages: print it last, or on
 * a page of its own.
 */
export async function printScript(slides: SlidesPage, deck: ExportDeck): Promise<Buffer> {
  await slides.page.evaluate(intoHandout, { html: renderScript(deck), css: SCRIPT_CSS, frame: SCRIPT_FRAME, framePx: SCRIPT_FRAME_PX, pageSizeStyle: PAGE_SIZE_STYLE })
  await slides.page.evaluate(() => document.fonts.ready.then(() => undefined))
  return slides.page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true })
}
