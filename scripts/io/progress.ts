/**
 * The progress of long work that goes deck by deck (the static builds of
 * `npm run site`, of `npm start -- --lan`): on a terminal one line, redrawn
 * in place while a deck builds; in CI and pipes, one plain line per deck
 * built, nothing redrawn (a log keeps every line).
 */
import { exportMessages } from '../messages.ts'
import type { Output } from './output.ts'

/** What a builder tells of its decks: how many it will build, and each as it starts and ends. */
export interface BuildProgress {
  planned: (decks: number) => void
  started: (deck: string) => void
  built: (deck: string) => void
}

/** How often a terminal's line is redrawn while a deck builds (its elapsed time moves on). */
const REDRAW_MS = 1000

/**
 * A progress report into `output`: redrawn through `output.redraw` when it
 * has one (a terminal), else a line through `output.out` per deck built.
 * `end` clears the redrawn line, for the report that follows.
 */
export function deckProgress(output: Output, now: () => number = Date.now): BuildProgress & { end: () => void } {
  const began = now()
  let total = 0
  let done = 0
  let lastBuiltAt = began
  let current: string | undefined
  let timer: ReturnType<typeof setInterval> | undefined
  /** Time left at the pace of the decks built so far (unknown before the first is built), less the deck under way's time so far. */
  const left = (at: number): number | undefined => {
    if (done === 0) return undefined
    const perDeck = (lastBuiltAt - began) / done
    return Math.max(0, perDeck * (total - done) - (current === undefined ? 0 : at - lastBuiltAt))
  }
  const redraw = output.redraw
  const draw = () => {
    if (!redraw || current === undefined) return
    const at = now()
    redraw(exportMessages.buildProgress({ deck: current, k: done + 1, n: total, built: false, elapsedMs: at - began, leftMs: left(at) }))
  }
  return {
    planned(decks) {
      total += decks
    },
    started(deck) {
      current = deck
      draw()
      if (redraw && !timer) {
        timer = setInterval(draw, REDRAW_MS)
        // A redraw never keeps the process alive.
        timer.unref()
      }
    },
    built(deck) {
      const at = now()
      done++
      lastBuiltAt = at
      current = undefined
      if (!redraw) {
        output.out(exportMessages.buildProgress({ deck, k: done, n: total, built: true, elapsedMs: at - began, leftMs: done < total ? left(at) : undefined }))
      }
    },
    end() {
      if (timer) clearInterval(timer)
      timer = undefined
      if (redraw && total > 0) redraw('')
    },
  }
}
