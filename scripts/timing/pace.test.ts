import { describe, expect, it } from 'vitest'
import { formatClock, parseMinutes } from './clock.ts'
import { paceAt, planFromSlides, type PacingPlan } from './pace.ts'

// A 100-second slot: slide 1 takes 10 s, slide 2 has 20 s before its first click, then 30 s and 40 s.
const plan: PacingPlan = { slot: 100, steps: [[10], [20, 30, 40]] }

describe('paceAt', () => {
  it('is on time while the timer is within the budget of the current slide and click', () => {
    expect(paceAt(plan, 1, 0, 0)).toEqual({ left: 100, budget: 10, state: 'on-time', by: 0 })
    expect(paceAt(plan, 2, 1, 45)).toEqual({ left: 55, budget: 90, state: 'on-time', by: 0 })
  })

  it('is behind by how far the timer has run past the end of this click\'s budget', () => {
    expect(paceAt(plan, 1, 0, 25)).toMatchObject({ state: 'behind', by: 15 })
    expect(paceAt(plan, 2, 0, 31)).toMatchObject({ state: 'behind', by: 1 })
  })

  it('is ahead by how much earlier than planned this click was reached', () => {
    expect(paceAt(plan, 2, 0, 4)).toMatchObject({ state: 'ahead', by: 6 })
    expect(paceAt(plan, 2, 2, 40)).toMatchObject({ state: 'ahead', by: 20 })
  })

  it('counts time past the slot as negative time left, and clicks past the plan as its last step', () => {
    expect(paceAt(plan, 2, 9, 130)).toEqual({ left: -30, budget: 90, state: 'behind', by: 30 })
  })
})

describe('planFromSlides', () => {
  it('rebuilds the plan from each slide\'s part: the title slide lasts until slide 2 starts, the slot ends with the last slide', () => {
    expect(planFromSlides([undefined, { start: 10, steps: [20, 30, 40] }])).toEqual(plan)
    expect(planFromSlides([undefined, { start: 7, steps: [3] }, { start: 10, steps: [5, 6] }])).toEqual({ slot: 21, steps: [[7], [3], [5, 6]] })
  })

  it('has no plan when a slide after the title carries none, or there is none', () => {
    expect(planFromSlides([undefined, { start: 10, steps: [20] }, undefined])).toBeUndefined()
    expect(planFromSlides([undefined, { start: 10, steps: ['20'] } as never])).toBeUndefined()
    expect(planFromSlides([undefined])).toBeUndefined()
  })
})

describe('formatClock and parseMinutes', () => {
  it('writes durations as m:ss', () => {
    expect([0, 9, 42, 600, 4505].map(formatClock)).toEqual(['0:00', '0:09', '0:42', '10:00', '75:05'])
  })

  it('accepts a slot of minutes above 0 and at most ten hours, nothing else', () => {
    expect(['10', '7.5', '600'].map(parseMinutes)).toEqual([10, 7.5, 600])
    for (const bad of ['0', '-5', 'ten', '10min', '', '601', '1e3']) expect(parseMinutes(bad), bad).toBeUndefined()
  })
})
