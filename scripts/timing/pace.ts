/**
 * Where the presenter stands against the plan: pure, so the presenter view's
 * panel (components/DeckPacing.vue) and the tests read it the same way.
 */

/** The whole plan: the slot, and per slide the seconds of each step. */
export interface PacingPlan {
  slot: number
  steps: number[][]
}

/** A slide's part of the plan as its frontmatter carries it (`pacing:`, slides 2 to n; see scripts/deck/render.ts). */
export interface SlidePacing {
  /** Seconds elapsed at the slide's start. */
  start: number
  /** Seconds of each step: the slide before any click, then after each click. */
  steps: number[]
}

/**
 * The whole plan from each slide's part (`pacings[0]` the title slide's, which has none): the title
 * slide has one step that lasts until the next slide's start; the slot ends with the last slide.
 * Undefined when a slide other than the first carries no pacing (a deck not built with a plan).
 */
export function planFromSlides(pacings: readonly (SlidePacing | undefined)[]): PacingPlan | undefined {
  const rest = pacings.slice(1)
  if (rest.length === 0 || rest.some((pacing) => !isSlidePacing(pacing))) return undefined
  const slides = rest as SlidePacing[]
  const last = slides[slides.length - 1]!
  return {
    slot: last.start + last.steps.reduce((a, b) => a + b, 0),
    steps: [[slides[0]!.start], ...slides.map((slide) => slide.steps)],
  }
}

function isSlidePacing(value: unknown): value is SlidePacing {
  const pacing = value as Partial<SlidePacing> | undefined
  return typeof pacing?.start === 'number' && Array.isArray(pacing.steps) && pacing.steps.every((step) => typeof step === 'number')
}

export interface Pace {
  /** Seconds left in the slot (negative once it is over). */
  left: number
  /** The current slide's budget. */
  budget: number
  /** Behind: the timer is past the end of this step's budget; ahead: it has not reached its start. */
  state: 'ahead' | 'behind' | 'on-time'
  /** How far ahead or behind, in seconds (0 on time). */
  by: number
}

/** `slide` counts from 1 as Slidev does; `click` 0 is the slide before any click. */
export function paceAt(plan: PacingPlan, slide: number, click: number, elapsed: number): Pace {
  const steps = plan.steps[slide - 1] ?? [0]
  const before = plan.steps.slice(0, slide - 1).flat().reduce((a, b) => a + b, 0)
  const step = Math.min(Math.max(click, 0), steps.length - 1)
  const start = before + steps.slice(0, step).reduce((a, b) => a + b, 0)
  const end = start + (steps[step] ?? 0)
  const budget = steps.reduce((a, b) => a + b, 0)
  const left = plan.slot - elapsed
  if (elapsed > end) return { left, budget, state: 'behind', by: elapsed - end }
  if (elapsed < start) return { left, budget, state: 'ahead', by: start - elapsed }
  return { left, budget, state: 'on-time', by: 0 }
}
