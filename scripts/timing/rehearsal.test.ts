import { describe, expect, it } from 'vitest'
import { EMPTY_RECORDING, record, rehearsalCsv, rehearsalRows, spentPerStep, type Recording, type TimerStatus } from './rehearsal.ts'

const PLAN = { slot: 100, steps: [[10], [20, 30, 40]] }

/** Plays moves `[status, slide, click, elapsed ms]` into a recording. */
function play(moves: [TimerStatus, number, number, number][], from: Recording = EMPTY_RECORDING): Recording {
  return moves.reduce((recording, [status, slide, click, elapsed]) => record(recording, status, slide, click, elapsed), from)
}

describe('a rehearsal against the slot', () => {
  it('records each slide and click while the timer runs, and tables them against their budgets', () => {
    const recording = play([
      ['running', 1, 0, 0],
      ['running', 1, 0, 4_000], // the same place again (a reload): nothing new
      ['running', 2, 0, 12_000],
      ['running', 2, 1, 30_000],
      ['running', 2, 2, 65_000],
    ])
    expect(recording.stretches).toEqual([
      { slide: 1, click: 0, from: 0, to: 12_000 },
      { slide: 2, click: 0, from: 12_000, to: 30_000 },
      { slide: 2, click: 1, from: 30_000, to: 65_000 },
      { slide: 2, click: 2, from: 65_000 },
    ])
    const rows = rehearsalRows(PLAN, spentPerStep(recording, PLAN, 95_000), ['Title', 'Section'])
    expect(rows.map((row) => [row.label, row.budget, row.actual])).toEqual([
      ['1', 10, 12],
      ['2', 90, 83],
      ['2.0', 20, 18],
      ['2.1', 30, 35],
      ['2.2', 40, 30],
      ['Total', 100, 95],
    ])
    expect(rehearsalCsv(rows).split('\r\n')).toEqual([
      'Slide,Title,Budget,Actual,Over/under',
      '1,Title,0:10,0:12,0:02 over',
      '2,Section,1:30,1:23,0:07 under',
      '2.0,before the first click,0:20,0:18,0:02 under',
      '2.1,click 1,0:30,0:35,0:05 over',
      '2.2,click 2,0:40,0:30,0:10 under',
      'Total,the slot,1:40,1:35,0:05 under',
      '',
    ])
  })

  it('names each click by the headline it reveals, where the deck carries it', () => {
    const rows = rehearsalRows(PLAN, [[0], [0, 0, 0]], ['Title', 'Section'], [undefined, ['第一點 · Point one', 'Point two']])
    expect(rows.filter((row) => row.kind === 'step').map((row) => row.title)).toEqual(['before the first click', '第一點 · Point one', 'Point two'])
  })

  it('adds a later visit to the earlier ones, and counts nothing while paused', () => {
    const recording = play([
      ['running', 1, 0, 0],
      ['running', 2, 0, 5_000],
      ['paused', 2, 0, 8_000],
      // Moving while paused records nothing.
      ['paused', 1, 0, 8_000],
      ['running', 1, 0, 8_000],
      ['running', 2, 0, 10_000],
    ])
    expect(spentPerStep(recording, PLAN, 11_000)).toEqual([[7_000], [4_000, 0, 0]])
  })

  it('starts again after Slidev\'s reset, seen or not', () => {
    const before = play([['running', 1, 0, 0], ['running', 2, 0, 50_000]])
    expect(record(before, 'stopped', 2, 0, 0)).toEqual(EMPTY_RECORDING)
    // This page was closed during the reset: the timer reads less than what was recorded.
    expect(record(before, 'running', 2, 0, 3_000).stretches).toEqual([{ slide: 2, click: 0, from: 3_000 }])
  })

  it('keeps a brief\'s text as text in the CSV', () => {
    const rows = rehearsalRows({ slot: 1, steps: [[1]] }, [[1_000]], ['=HYPERLINK("x"), "quoted"'])
    expect(rehearsalCsv(rows).split('\r\n')[1]).toBe(`1,"'=HYPERLINK(""x""), ""quoted""",0:01,0:01,on time`)
  })
})
