/**
 * A rehearsal against the slot: while Slidev's timer runs, the time spent on
 * each slide and click, then a table of budget, actual time and over/under
 * per slide and step, with the total against the slot. Pure: the presenter
 * view (components/DeckRehearsal.vue) keeps the recording in the browser's
 * storage and turns the table into a page and a CSV file.
 *
 * Times are milliseconds on Slidev's timer (not the wall clock), so a paused
 * timer pauses the recording too.
 */
import { rehearsalWords } from '../messages.ts'
import { formatClock } from './clock.ts'
import type { PacingPlan } from './pace.ts'

/** A stretch of the timer spent at one slide and click; `to` absent while it lasts. */
export interface Stretch {
  slide: number
  click: number
  from: number
  to?: number
}

export interface Recording {
  stretches: Stretch[]
  /** The latest timer time recorded: a timer that reads less was reset and started again. */
  seen: number
}

export const EMPTY_RECORDING: Recording = { stretches: [], seen: 0 }

export type TimerStatus = 'stopped' | 'running' | 'paused'

/**
 * The recording once the presenter is at `slide`/`click` with the timer at
 * `elapsed`: the stretch being spoken goes on, or is closed and another
 * opened; a pause closes it; a stopped timer (Slidev's reset) empties it.
 */
export function record(recording: Recording, status: TimerStatus, slide: number, click: number, elapsed: number): Recording {
  if (status === 'stopped') return recording.stretches.length === 0 ? recording : EMPTY_RECORDING
  // A timer that went back (reset and started again while this page was away): a new rehearsal.
  const base = elapsed < recording.seen ? EMPTY_RECORDING : recording
  const stretches = [...base.stretches]
  const open = stretches.at(-1)?.to === undefined ? stretches.at(-1) : undefined
  const same = open && open.slide === slide && open.click === click
  if (open && (!same || status === 'paused')) stretches[stretches.length - 1] = { ...open, to: elapsed }
  if (status === 'running' && !same) stretches.push({ slide, click, from: elapsed })
  return { stretches, seen: Math.max(base.seen, elapsed) }
}

/** Milliseconds spent per slide (index 0 the first) and per step, the open stretch counted up to `elapsed`. */
export function spentPerStep(recording: Recording, plan: PacingPlan, elapsed: number): number[][] {
  const spent = plan.steps.map((steps) => steps.map(() => 0))
  for (const stretch of recording.stretches) {
    const steps = spent[stretch.slide - 1]
    if (!steps) continue
    // Clicks past the plan's steps count for the last one, as the pacing reads them (pace.ts).
    const step = Math.min(Math.max(stretch.click, 0), steps.length - 1)
    steps[step]! += Math.max(0, (stretch.to ?? elapsed) - stretch.from)
  }
  return spent
}

export interface RehearsalRow {
  kind: 'slide' | 'step' | 'total'
  /** `3`, `3.2` (slide 3 after its second click), or `Total`. */
  label: string
  title: string
  /** Seconds. */
  budget: number
  actual: number
}

/**
 * The table's rows: each slide, then, for a slide with clicks, each of its
 * steps, named by the headline its click reveals (`headlines[slide][click - 1]`);
 * last, the total against the slot. Seconds are whole, as shown.
 */
export function rehearsalRows(
  plan: PacingPlan,
  spent: number[][],
  titles: readonly string[],
  headlines: readonly (readonly string[] | undefined)[] = [],
): RehearsalRow[] {
  const seconds = (ms: number) => Math.round(ms / 1000)
  const rows: RehearsalRow[] = []
  plan.steps.forEach((steps, i) => {
    const actual = spent[i] ?? []
    const title = titles[i] ?? ''
    rows.push({ kind: 'slide', label: String(i + 1), title, budget: sum(steps), actual: sum(actual.map(seconds)) })
    if (steps.length > 1) {
      steps.forEach((budget, step) =>
        rows.push({ kind: 'step', label: `${i + 1}.${step}`, title: stepTitle(headlines[i], step), budget, actual: seconds(actual[step] ?? 0) }),
      )
    }
  })
  const slides = rows.filter((row) => row.kind === 'slide')
  rows.push({ kind: 'total', label: 'Total', title: rehearsalWords.slot(), budget: plan.slot, actual: sum(slides.map((row) => row.actual)) })
  return rows
}

function stepTitle(headlines: readonly string[] | undefined, step: number): string {
  if (step === 0) return rehearsalWords.beforeFirstClick()
  return headlines?.[step - 1] || rehearsalWords.click(step)
}

/** `0:04 over`, `0:05 under`, `on time`: words, so that no spreadsheet reads a sign as a formula. */
export function overUnder(row: RehearsalRow): string {
  const difference = row.actual - row.budget
  if (Math.round(difference) === 0) return 'on time'
  return `${formatClock(Math.abs(difference))} ${difference > 0 ? 'over' : 'under'}`
}

export const CSV_HEADER = ['Slide', 'Title', 'Budget', 'Actual', 'Over/under'] as const

/** The cells of a row as the table shows them. */
export function rowCells(row: RehearsalRow): string[] {
  return [row.label, row.title, formatClock(row.budget), formatClock(row.actual), overUnder(row)]
}

/** The table as CSV (RFC 4180, CRLF), the same cells as on screen. */
export function rehearsalCsv(rows: readonly RehearsalRow[]): string {
  return [CSV_HEADER, ...rows.map(rowCells)].map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

function csvCell(text: string): string {
  // A brief's title starting with = + - @ would be a formula to a spreadsheet: it stays text.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0)
}
