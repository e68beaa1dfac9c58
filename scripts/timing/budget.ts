/**
 * Time budgets for a briefing slot: how many whole seconds each slide, and
 * each click of it, may take so that the deck fills the slot exactly.
 */

/**
 * Splits `total` whole seconds in proportion to `weights` (largest remainder):
 * each share is its exact part rounded down, and the seconds left over go to
 * the largest fractions, earlier items first on a tie. The shares sum to
 * `total` exactly, and the same input always gives the same shares. With no
 * weight at all, the seconds are split evenly.
 */
export function apportion(weights: readonly number[], total: number): number[] {
  if (weights.length === 0) return []
  const sum = weights.reduce((a, b) => a + b, 0)
  const exact = weights.map((weight) => (sum > 0 ? (total * weight) / sum : total / weights.length))
  const shares = exact.map(Math.floor)
  const left = total - shares.reduce((a, b) => a + b, 0)
  const byFraction = exact
    .map((value, index) => ({ index, fraction: value - Math.floor(value) }))
    .sort((a, b) => b.fraction - a.fraction || a.index - b.index)
  for (const { index } of byFraction.slice(0, left)) shares[index]! += 1
  return shares
}

/** One slide of the plan: its budget split over its clicks (step 0 is before the first click). */
export interface SlideBudget {
  /** Whole seconds for each step: the slide before any click, then after each click. */
  steps: number[]
  /** The whole slide's seconds: the sum of its steps. */
  budget: number
  /** Seconds from the start of the talk to the end of this slide, if every budget is kept. */
  end: number
}

export interface BudgetPlan {
  /** The slot, in whole seconds. */
  slot: number
  /** Seconds the notes take at the usual pace, unscaled. */
  expected: number
  slides: SlideBudget[]
}

/**
 * Budgets for a slot from the seconds each step of each slide takes to say
 * at the usual pace: every slide gets its share of the slot, and each slide's
 * share is split over its steps the same way. The budgets sum to the slot.
 */
export function planBudgets(speaking: readonly (readonly number[])[], slotSeconds: number): BudgetPlan {
  const slot = Math.round(slotSeconds)
  const perSlide = speaking.map((steps) => steps.reduce((a, b) => a + b, 0))
  const slideBudgets = apportion(perSlide, slot)
  let end = 0
  const slides = speaking.map((steps, i) => {
    const budget = slideBudgets[i]!
    end += budget
    return { steps: apportion(steps, budget), budget, end }
  })
  return { slot, expected: perSlide.reduce((a, b) => a + b, 0), slides }
}
