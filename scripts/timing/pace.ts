/**
 * Where the presenter stands against the plan: pure, so the presenter view's
 * panel (components/DeckPacing.vue) and the tests read it the same way.
 */

/** The plan as the deck's headmatter carries it (`briefdeck.pacing`), per slide the seconds of each step. */
export interface PacingPlan {
  slot: number
  steps: number[][]
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
