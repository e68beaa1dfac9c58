import { describe, expect, it } from 'vitest'
import { apportion, planBudgets } from './budget.ts'

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)

describe('apportion', () => {
  it('gives shares proportional to the weights when they divide evenly', () => {
    expect(apportion([1, 2, 3], 60)).toEqual([10, 20, 30])
  })

  it('sums to the total exactly, giving left-over seconds to the largest fractions', () => {
    // Exact shares 33.33…, 33.33…, 33.33…: one second left, to the first on the tie.
    expect(apportion([1, 1, 1], 100)).toEqual([34, 33, 33])
    // Exact shares 14.2857…, 28.5714…, 57.1428…: fractions .29, .57, .14 — one second left, to the second.
    expect(apportion([1, 2, 4], 100)).toEqual([14, 29, 57])
    for (const total of [0, 1, 7, 59, 600, 3601]) {
      expect(sum(apportion([3.7, 0.2, 11, 5.5, 0], total))).toBe(total)
    }
  })

  it('is stable: the same weights always give the same shares, whatever their order in time', () => {
    const weights = [5, 5, 5, 5, 5, 5, 5]
    expect(apportion(weights, 10)).toEqual([2, 2, 2, 1, 1, 1, 1])
    expect(apportion(weights, 10)).toEqual(apportion([...weights], 10))
  })

  it('splits evenly when nothing has weight, and gives nothing to a zero weight otherwise', () => {
    expect(apportion([0, 0, 0], 10)).toEqual([4, 3, 3])
    expect(apportion([0, 1], 10)).toEqual([0, 10])
    expect(apportion([], 10)).toEqual([])
  })
})

describe('planBudgets', () => {
  // Seconds to speak each step of each slide at the usual pace.
  const speaking = [[6], [30], [4, 20, 40], [2, 18]]

  it('scales every slide to the slot in proportion to what its notes hold, summing to the slot', () => {
    const plan = planBudgets(speaking, 240) // twice the 120 s the notes take
    expect(plan.slot).toBe(240)
    expect(plan.expected).toBe(120)
    expect(plan.slides.map((slide) => slide.budget)).toEqual([12, 60, 128, 40])
    expect(plan.slides.map((slide) => slide.steps)).toEqual([[12], [60], [8, 40, 80], [4, 36]])
  })

  it('gives the elapsed time at the end of each slide, ending on the slot', () => {
    const plan = planBudgets(speaking, 60)
    expect(plan.slides.map((slide) => slide.end)).toEqual([3, 18, 50, 60])
    for (const slide of plan.slides) expect(sum(slide.steps)).toBe(slide.budget)
  })

  it('rounds a slot to whole seconds and keeps every sum exact for awkward slots', () => {
    for (const slot of [1, 13, 61.4, 599, 601]) {
      const plan = planBudgets(speaking, slot)
      expect(sum(plan.slides.map((slide) => slide.budget))).toBe(Math.round(slot))
      expect(plan.slides.at(-1)!.end).toBe(Math.round(slot))
    }
  })
})
