/**
 * How large a slide's type is and how far it may shrink to fit its frame: one
 * set of numbers for components/DeckFit.vue (which shrinks it in the
 * browser), scripts/deck/fit.ts (which decides at build time each deck's
 * scale and where a long section continues) and the PPTX's layout.
 *
 * At scale 1 the sizes of style.css are the smallest a projected room reads
 * (issue 37): on Slidev's 980 px canvas shown as a 13.33 in slide, a
 * headline is 25.6 px (25 pt ≥ 24 pt), a second-language line, a label or a
 * subtitle's second line 19.2 px (18.8 pt ≥ 18 pt), and a heading larger.
 */

/** Smaller steps would rarely change a line break; larger ones waste room. */
export const FIT_STEP = 0.05
/** The smallest type still readable from the back of a room: a slide is split, else the build warns, below it. */
export const MIN_READABLE_SCALE = 1
/**
 * The largest scale a deck's section slides may take: a deck of short sections grows into the
 * slide up to here and no further, so that a one-bullet slide does not shout (headlines 36 pt).
 */
export const SECTION_SCALE_CAP = 1.45
/** Where the title and bottom-line slides start (each shrinks from here to fit, as before). */
export const TITLE_SCALE = 1.3
/** Below the readable minimum, text still must not leave the frame: shrink on, down to this. */
export const FLOOR_SCALE = 0.3
