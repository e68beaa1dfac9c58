/**
 * Time spent on each slide, kept in Slidev's shared timer state
 * (`sharedState.timer.slides`, which Slidev declares but does not fill): the
 * server holds it, so it survives a reload of the presenter view, and
 * Slidev's timer reset empties it. Times are milliseconds on the timer (not
 * the wall clock), so a paused timer pauses them too.
 */
export interface SlideTime {
  /** Timer time at which the current visit began, less the time of earlier visits. */
  start?: number | undefined
  /** Timer time at which the slide was last left; absent while it is being spoken. */
  end?: number | undefined
}
export type SlideTimes = Record<number, SlideTime | undefined>

/**
 * The entries to write so that `page` is the slide being spoken from
 * `elapsed` on: every other open slide is closed, this one opened, or resumed
 * where its earlier visits left it. Undefined when nothing changes (a reload
 * on the same slide).
 */
export function enterSlide(slides: SlideTimes, page: number, elapsed: number): SlideTimes | undefined {
  const changes: SlideTimes = {}
  for (const [key, entry] of Object.entries(slides)) {
    if (Number(key) !== page && entry?.start !== undefined && entry.end === undefined) changes[Number(key)] = { start: entry.start, end: elapsed }
  }
  const current = slides[page]
  if (current?.start === undefined) changes[page] = { start: elapsed }
  else if (current.end !== undefined) changes[page] = { start: elapsed - (current.end - current.start) }
  return Object.keys(changes).length > 0 ? changes : undefined
}

/** Milliseconds spent on `page` so far, all visits together. */
export function spentOn(slides: SlideTimes, page: number, elapsed: number): number {
  const entry = slides[page]
  if (entry?.start === undefined) return 0
  return Math.max(0, (entry.end ?? elapsed) - entry.start)
}

/** Slidev's shared timer, as `useTimer` reads it: milliseconds run, pauses left out. */
export interface TimerState {
  status: 'stopped' | 'running' | 'paused'
  startedAt: number
  pausedAt: number
}

export function timerElapsed(timer: TimerState, now: number): number {
  if (timer.status === 'stopped' || !timer.startedAt) return 0
  return (timer.status === 'paused' ? timer.pausedAt : now) - timer.startedAt
}
