import { describe, expect, it } from 'vitest'
import { enterSlide, spentOn, timerElapsed, type SlideTimes } from './slide-times.ts'

/** Applies what enterSlide asks to write, as the panel does. */
function enter(slides: SlideTimes, page: number, elapsed: number): SlideTimes {
  return { ...slides, ...enterSlide(slides, page, elapsed) }
}

describe('time spent on each slide', () => {
  it('counts from when the slide was entered on the timer', () => {
    let slides = enter({}, 1, 0)
    expect(spentOn(slides, 1, 4_000)).toBe(4_000)
    slides = enter(slides, 2, 5_000)
    expect(spentOn(slides, 1, 9_000)).toBe(5_000)
    expect(spentOn(slides, 2, 9_000)).toBe(4_000)
  })

  it('adds a later visit to the earlier ones', () => {
    let slides = enter(enter({}, 1, 0), 2, 10_000)
    slides = enter(slides, 1, 30_000)
    expect(spentOn(slides, 1, 32_000)).toBe(12_000)
    expect(spentOn(slides, 2, 32_000)).toBe(20_000)
  })

  it('changes nothing when the presenter view comes back on the slide being spoken (a reload)', () => {
    const slides = enter({}, 3, 1_000)
    expect(enterSlide(slides, 3, 7_000)).toBeUndefined()
    expect(spentOn(slides, 3, 7_000)).toBe(6_000)
  })

  it('is nothing for a slide never entered, as after Slidev resets its timer', () => {
    expect(spentOn({}, 2, 50_000)).toBe(0)
  })
})

describe('timerElapsed', () => {
  it('reads Slidev\'s shared timer: nothing when stopped, frozen when paused', () => {
    expect(timerElapsed({ status: 'stopped', startedAt: 0, pausedAt: 0 }, 9_000)).toBe(0)
    expect(timerElapsed({ status: 'running', startedAt: 1_000, pausedAt: 0 }, 9_000)).toBe(8_000)
    expect(timerElapsed({ status: 'paused', startedAt: 1_000, pausedAt: 4_000 }, 9_000)).toBe(3_000)
  })
})
