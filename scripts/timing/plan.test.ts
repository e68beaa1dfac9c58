import { describe, expect, it } from 'vitest'
import type { Bilingual, Lang, SourceText } from '../brief/model.ts'
import type { DeckContent, Headlined } from '../deck/content.ts'
import { planDeck } from './plan.ts'

const at = (text: string): SourceText => ({ text, position: { line: 1, column: 1 } })
const both = (zh: string, en: string): Bilingual<SourceText> => ({ 'zh-Hant': at(zh), en: at(en) })
const point = (zh: string, en: string): Headlined => ({ headline: { 'zh-Hant': '點', en: 'Point' }, detail: both(zh, en) })
/** `n` English words, or `n` Han characters. */
const words = (n: number) => Array.from({ length: n }, () => 'word').join(' ')
const han = (n: number) => '字'.repeat(n)

// 130 English words or 220 Chinese characters are one minute.
const content: DeckContent = {
  source: 'brief.txt',
  lineCount: 10,
  title: { 'zh-Hant': '', en: '' },
  subtitle: { 'zh-Hant': undefined, en: undefined },
  lede: point(han(220), words(130)),
  sections: [{ heading: both('', ''), points: [point(han(110), words(260)), point(han(440), words(65))] }],
}

/** Each section on one slide. */
const whole = { parts: [[2]] }
const budgets = (langs: Lang[], slot?: number) => planDeck(content, langs, whole, slot).slides.map((slide) => slide.steps)

describe('planDeck', () => {
  it('without a slot, budgets each step by the words it holds in the language spoken', () => {
    expect(budgets(['en'])).toEqual([[0], [60], [0, 120, 30]])
    expect(budgets(['zh-Hant'])).toEqual([[0], [60], [0, 30, 120]])
    expect(planDeck(content, ['en'], whole).slot).toBe(210)
  })

  it('speaks both languages in a deck whose notes hold both', () => {
    expect(budgets(['zh-Hant', 'en'])).toEqual([[0], [120], [0, 150, 150]])
  })

  it('scales the budgets to the slot, keeping their proportions and their sum', () => {
    const plan = planDeck(content, ['en'], whole, 420)
    expect(plan.slides.map((slide) => slide.steps)).toEqual([[0], [120], [0, 240, 60]])
    expect(plan.expected).toBe(210)
    expect(plan.slides.at(-1)!.end).toBe(420)
  })

  it('counts the title and the headings the presenter reads out', () => {
    const titled = { ...content, title: { 'zh-Hant': han(22), en: words(13) } }
    expect(planDeck(titled, ['en'], whole).slides[0]!.steps).toEqual([6])
    expect(planDeck(titled, ['zh-Hant'], whole).slides[0]!.steps).toEqual([6])
  })

  it('splits a section continued on a next slide with its bullets: each slide its own bullets, the heading said once', () => {
    const headed = { ...content, sections: [{ ...content.sections[0]!, heading: both('', words(13)) }] }
    const plan = planDeck(headed, ['en'], { parts: [[1, 1]] })
    expect(plan.slides.map((slide) => slide.steps)).toEqual([[0], [60], [6, 120], [0, 30]])
    expect(plan.slides.at(-1)!.end).toBe(216)
  })
})
