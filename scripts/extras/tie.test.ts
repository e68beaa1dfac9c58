import { describe, expect, it } from 'vitest'
import type { AlignedBrief, SourceText } from '../brief/model.ts'
import { deriveHeadlines } from '../deck/headline.ts'
import type { Extras } from './schema.ts'
import { tieExtras } from './tie.ts'

const at = (text: string, line = 1): SourceText => ({ text, position: { line, column: 1 } })
const bullet = (zh: string, en: string, line: number) => ({ 'zh-Hant': at(zh, line), en: at(en, line + 10) })
const A = { zh: '台積電表示其製程用水回收率已達86.7%。', en: 'TSMC says its process-water recycling rate has reached 86.7%.' }
const B = { zh: '桃竹管線每日可調度20萬噸。', en: 'The Taoyuan–Hsinchu pipeline can move 200,000 tonnes a day.' }
const C = { zh: '水價偏低。', en: 'Water is cheap.' }

function briefOf(...points: { zh: string; en: string }[]): AlignedBrief {
  return {
    file: 'b.txt',
    lineCount: 20,
    lede: bullet('導言。', 'Lede.', 1),
    sections: [{ heading: bullet('標題', 'Heading', 2), points: points.map((p, j) => bullet(p.zh, p.en, 3 + j)) }],
  }
}
const authored = (p: { zh: string; en: string }, zh: string, en: string) => ({ 'zh-Hant': zh, en, source: { 'zh-Hant': p.zh, en: p.en } })
const extrasOf = (...points: ReturnType<typeof authored>[]): Extras => ({ sections: [{ points }] })

describe('tieExtras', () => {
  it('keeps every line whose brief text is unchanged', () => {
    const tied = tieExtras(extrasOf(authored(A, '回收率86.7%', 'Recycling at 86.7%')), briefOf(A, B), 'content/b.txt')
    expect(tied.stale).toEqual([])
    expect(tied.extras.sections?.[0]?.points?.[0]).toEqual({ 'zh-Hant': '回收率86.7%', en: 'Recycling at 86.7%' })
  })

  it('finds a moved bullet by its source: its headline moves with it', () => {
    const tied = tieExtras(extrasOf(authored(A, '回收率86.7%', 'Recycling at 86.7%')), briefOf(C, B, A), 'content/b.txt')
    expect(tied.stale).toEqual([])
    expect(tied.extras.sections?.[0]?.points?.[0]).toEqual({})
    expect(tied.extras.sections?.[0]?.points?.[2]).toEqual({ 'zh-Hant': '回收率86.7%', en: 'Recycling at 86.7%' })
    expect(tied.origins.get('0/2')).toEqual(['sections', 0, 'points', 0])
  })

  it('calls stale only the language whose bullet changed, with the old and the new text', () => {
    const edited = { zh: A.zh, en: A.en.replace('86.7%', '91.2%') }
    const tied = tieExtras(extrasOf(authored(A, '回收率86.7%', 'Recycling at 86.7%')), briefOf(edited, B), 'content/b.txt')
    expect(tied.stale).toEqual([
      { path: ['sections', 0, 'points', 0], lang: 'en', line: 'Recycling at 86.7%', was: A.en, now: at(edited.en, 13) },
    ])
    expect(tied.extras.sections?.[0]?.points?.[0]).toEqual({ 'zh-Hant': '回收率86.7%' })
  })

  it('ties a bullet edited in both languages to its position, and calls both lines stale', () => {
    const edited = { zh: A.zh.replace('86.7%', '91.2%'), en: A.en.replace('86.7%', '91.2%') }
    const tied = tieExtras(extrasOf(authored(A, '回收率86.7%', 'Recycling at 86.7%')), briefOf(edited, B), 'content/b.txt')
    expect(tied.stale.map((s) => [s.lang, s.now?.text])).toEqual([
      ['zh-Hant', edited.zh],
      ['en', edited.en],
    ])
  })

  it('calls stale a line whose bullet the brief no longer has', () => {
    const tied = tieExtras(extrasOf(authored(B, '管線20萬噸', 'Pipeline: 200,000 tonnes'), authored(A, '回收率86.7%', 'Recycling at 86.7%')), briefOf(B), 'content/b.txt')
    expect(tied.stale.map((s) => [s.path, s.lang, s.now])).toEqual([
      [['sections', 0, 'points', 1], 'zh-Hant', undefined],
      [['sections', 0, 'points', 1], 'en', undefined],
    ])
  })

  it('derives afresh a line briefdeck drafted and nobody edited, when its bullet changes', () => {
    const drafted = deriveHeadlines({ 'zh-Hant': A.zh, en: A.en })
    const edited = { zh: A.zh.replace('86.7%', '91.2%'), en: A.en.replace('86.7%', '91.2%') }
    const tied = tieExtras(extrasOf(authored(A, drafted['zh-Hant'], drafted.en)), briefOf(edited), 'content/b.txt')
    expect(tied.stale).toEqual([])
    expect(tied.extras.sections?.[0]?.points?.[0]).toEqual({})
  })

  it('takes a line with no source by its position, as untied', () => {
    const tied = tieExtras({ title: { en: 'Water' }, sections: [{ points: [{ en: 'Recycling' }] }] }, briefOf(A), 'content/b.txt')
    expect(tied.untied).toEqual([
      { path: ['title'], lang: 'en', line: 'Water' },
      { path: ['sections', 0, 'points', 0], lang: 'en', line: 'Recycling' },
    ])
    expect(tied.stale).toEqual([])
  })
})
