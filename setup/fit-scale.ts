/**
 * How far a slide's type may shrink to fit its frame: one set of numbers for
 * components/DeckFit.vue (which shrinks it in the browser) and
 * scripts/deck/fit.ts (which estimates at build time where it will end).
 */

/** Smaller steps would rarely change a line break; larger ones waste room. */
export const FIT_STEP = 0.05
/** The smallest type still readable from the back of a room: the build warns below it. */
export const MIN_READABLE_SCALE = 0.6
/** Below the readable minimum, text still must not leave the frame: shrink on, down to this. */
export const FLOOR_SCALE = 0.3
