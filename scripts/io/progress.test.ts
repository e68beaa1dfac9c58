import { describe, expect, it } from 'vitest'
import { deckProgress } from './progress.ts'

/** An output that records its lines and its redraws, and a clock the test moves. */
function recorder(terminal: boolean) {
  const lines: string[] = []
  const draws: string[] = []
  const output = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line), ...(terminal ? { redraw: (line: string) => draws.push(line) } : {}) }
  let time = 1000
  return { output, lines, draws, clock: () => time, wait: (ms: number) => (time += ms) }
}

describe('deckProgress', () => {
  it('in a pipe: a line per deck built, with the time elapsed and, but for the last, the time left at the pace so far', () => {
    const { output, lines, clock, wait } = recorder(false)
    const progress = deckProgress(output, clock)
    progress.planned(2)
    progress.planned(1)
    progress.started('a.md')
    wait(4000)
    progress.built('a.md')
    progress.started('b.md')
    wait(2000)
    progress.built('b.md')
    progress.started('c.md')
    wait(3000)
    progress.built('c.md')
    progress.end()
    expect(lines).toEqual([
      'briefdeck: built deck 1 of 3 (a.md), 4.0 s elapsed, about 8.0 s left',
      'briefdeck: built deck 2 of 3 (b.md), 6.0 s elapsed, about 3.0 s left',
      'briefdeck: built deck 3 of 3 (c.md), 9.0 s elapsed',
    ])
  })

  it('on a terminal: the deck under way, its estimate less the time it has had; cleared at the end', () => {
    const { output, lines, draws, clock, wait } = recorder(true)
    const progress = deckProgress(output, clock)
    progress.planned(3)
    progress.started('a.md')
    wait(4000)
    progress.built('a.md')
    wait(1000)
    progress.started('b.md')
    progress.end()
    expect(lines).toEqual([])
    expect(draws).toEqual([
      'briefdeck: building deck 1 of 3 (a.md), 0.0 s elapsed',
      'briefdeck: building deck 2 of 3 (b.md), 5.0 s elapsed, about 7.0 s left',
      '',
    ])
  })
})
