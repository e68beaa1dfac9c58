import type { ExportDeck } from './deck.ts'
import { fitHandout } from './handout-fit.ts'
import {
  HANDOUT_CONTINUED,
  HANDOUT_CSS,
  HANDOUT_FIT,
  HANDOUT_FRAME,
  HANDOUT_FRAME_PX,
  HANDOUT_PAGE_PX,
  renderHandout,
  type HandoutFitSteps,
} from './handout-html.ts'
import { PAGE_SIZE_STYLE } from '../print/print-origin.ts'
import type { SlidesPage } from './slides-page.ts'

/**
 * Prints the handout from the deck's print page, once its slide PDF is
 * printed: A4 pages of each slide, as printed, above its notes, fitted to
 * the page (scripts/export/handout-fit.ts; `fit` is for tests of one rule
 * alone). The slides stay what they are (text in the decks' fonts, not
 * pictures of it), and the fonts the slides loaded serve the notes too.
 */
export async function printHandout(slides: SlidesPage, deck: ExportDeck, fit: HandoutFitSteps = HANDOUT_FIT): Promise<Buffer> {
  await slides.page.evaluate(intoHandout, {
    html: renderHandout(deck),
    css: HANDOUT_CSS,
    frame: HANDOUT_FRAME,
    framePx: HANDOUT_FRAME_PX,
    pageSizeStyle: PAGE_SIZE_STYLE,
  })
  // Measured with every font in: the notes', the titles', the continued marks'.
  await slides.page.evaluate(() => document.fonts.ready.then(() => undefined))
  await slides.page.evaluate(fitHandout, {
    pagePx: HANDOUT_PAGE_PX,
    framePx: HANDOUT_FRAME_PX,
    ...fit,
    frame: HANDOUT_FRAME,
    continued: HANDOUT_CONTINUED,
  })
  await slides.page.evaluate(() => document.fonts.ready.then(() => undefined))
  return slides.page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true })
}

/**
 * Runs in the print page: the handout's pages replace the slide pages, each
 * slide moved (not copied) into its frame and scaled to the frame's width.
 * A slide without its frame, or a frame without its slide, is an error: the
 * handout must not print a page without its slide.
 */
export function intoHandout(input: { html: string; css: string; frame: string; framePx: number; pageSizeStyle: string }): void {
  const content = document.getElementById('export-content')
  const containers = [...document.querySelectorAll<HTMLElement>('#export-content .print-slide-container')]
  const handout = document.createElement('div')
  handout.id = 'handout'
  handout.innerHTML = input.html
  const frames = [...handout.querySelectorAll<HTMLElement>(`.${input.frame}`)]
  if (!content || frames.length !== containers.length) throw new Error(`the handout has ${frames.length} slide frames for ${containers.length} slides`)
  frames.forEach((frame, i) => {
    const slide = containers[i]!
    const scale = input.framePx / slide.offsetWidth
    frame.style.height = `${slide.offsetHeight * scale}px`
    slide.style.transform = `scale(${scale})`
    // The slide PDF's outline headings: the handout's titles are its outline.
    for (const heading of slide.querySelectorAll('[data-outline-heading]')) heading.remove()
    frame.append(slide)
  })
  content.replaceWith(handout)
  document.getElementById(input.pageSizeStyle)!.textContent = input.css
}
