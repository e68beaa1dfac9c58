import type { BudgetPlan } from './budget.ts'

/** Notes that need this much more than the slot are clearly too long for it. */
export const OVER_SLOT_RATIO = 1.2

export interface OverSlot {
  /** The slot, in seconds. */
  slot: number
  /** Each deck whose notes need clearly more than the slot, with the seconds they need. */
  decks: { name: string; expected: number }[]
  /** Numbers of the slides with the largest budgets in the longest of those decks, most first (at most three). */
  heaviest: number[]
}

/** Decks whose notes need more than OVER_SLOT_RATIO times the slot, or undefined when all fit. */
export function checkSlot(plans: Record<string, BudgetPlan>): OverSlot | undefined {
  const over = Object.entries(plans).filter(([, plan]) => plan.expected > plan.slot * OVER_SLOT_RATIO)
  if (over.length === 0) return undefined
  const [, longest] = over.reduce((a, b) => (b[1].expected > a[1].expected ? b : a))
  const heaviest = longest.slides
    .map((slide, i) => ({ no: i + 1, budget: slide.budget }))
    .sort((a, b) => b.budget - a.budget || a.no - b.no)
    .slice(0, 3)
    .map((slide) => slide.no)
  return { slot: longest.slot, decks: over.map(([name, plan]) => ({ name, expected: plan.expected })), heaviest }
}
