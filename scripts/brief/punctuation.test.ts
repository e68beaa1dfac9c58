import { describe, expect, it } from 'vitest'
import { normalizeChinesePunctuation } from './punctuation.ts'

describe('normalizeChinesePunctuation', () => {
  it('turns half-width marks after Chinese into full width', () => {
    expect(normalizeChinesePunctuation('安全,聚焦;政權:何?是!').text).toBe('安全，聚焦；政權：何？是！')
  })

  it('reports where each change was made', () => {
    expect(normalizeChinesePunctuation('安全,聚焦,維護').indexes).toEqual([2, 5])
  })

  it('handles brackets around Chinese, and after closing quotes', () => {
    expect(normalizeChinesePunctuation('法(反外國制裁法)」,').text).toBe('法（反外國制裁法）」，')
  })

  it('leaves punctuation among Latin text alone', () => {
    const text = 'U.S., EU; see (2024): yes! 中文 CCP, 2024'
    expect(normalizeChinesePunctuation(text).text).toBe(text)
  })
})
