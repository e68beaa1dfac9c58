import { describe, expect, it } from 'vitest'
import { planBudgets } from './budget.ts'
import { checkSlot } from './over-slot.ts'

// Seconds each step takes to say: 120 s in all, most on slides 3, then 2, then 4.
const speaking = [[5], [30], [10, 20, 25], [25], [5]]

describe('checkSlot', () => {
  it('says nothing while the notes need at most 20% more than the slot', () => {
    expect(checkSlot({ en: planBudgets(speaking, 100) })).toBeUndefined()
    expect(checkSlot({ en: planBudgets(speaking, 600) })).toBeUndefined()
  })

  it('names each deck over the slot with the time it needs, and the three slides with the most words', () => {
    const over = checkSlot({ en: planBudgets(speaking, 60), bilingual: planBudgets(speaking.map((s) => s.map((x) => x * 2)), 60) })
    expect(over).toEqual({
      slot: 60,
      decks: [
        { name: 'en', expected: 120 },
        { name: 'bilingual', expected: 240 },
      ],
      heaviest: [3, 2, 4],
    })
  })
})
