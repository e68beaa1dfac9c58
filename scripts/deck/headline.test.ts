import { describe, expect, it } from 'vitest'
import { HEADLINE_LIMIT, deriveHeadline } from './headline.ts'

const length = (text: string) => Array.from(text).length

describe('deriveHeadline', () => {
  it('keeps a short bullet whole, without an ellipsis', () => {
    expect(deriveHeadline('Security in all aspects', 'en')).toBe('Security in all aspects')
    expect(deriveHeadline('安全優先', 'zh-Hant')).toBe('安全優先')
  })

  it('cuts an English bullet at the end of its first sentence that fits', () => {
    const text = 'National security comes first for Xi. Everything else follows from that, and from much more besides.'
    expect(deriveHeadline(text, 'en')).toBe('National security comes first for Xi…')
  })

  it('cuts at a clause when no sentence fits', () => {
    const text =
      'In the 20th CCP Congress, Xi criticized previous leaders for not providing sufficient security for China, but the condition improved.'
    expect(deriveHeadline(text, 'en', 40)).toBe('In the 20th CCP Congress…')
  })

  it('cuts a Chinese bullet at a clause mark', () => {
    const text = '國家安全是國家復興的基礎,因此習近平表示,中國將繼續加強國內國家安全機構建設。'
    expect(deriveHeadline(text, 'zh-Hant')).toBe('國家安全是國家復興的基礎,因此習近平表示…')
  })

  it('never cuts inside a word, and marks every cut with an ellipsis', () => {
    const english = 'Decoupling '.repeat(20).trim()
    const headline = deriveHeadline(english, 'en')
    expect(headline).toMatch(/^(Decoupling )*Decoupling…$/)
    const chinese = '中央國家安全委員會致力於落實習近平的國家安全觀並批准了監測風險和加強國內安全的政策'
    const zh = deriveHeadline(chinese, 'zh-Hant')
    expect(zh.endsWith('…')).toBe(true)
    const kept = zh.slice(0, -1)
    // The cut falls on a boundary of ICU's word segmentation.
    const boundaries = [...new Intl.Segmenter('zh-Hant', { granularity: 'word' }).segment(chinese)].map(
      (s) => s.index + s.segment.length,
    )
    expect(boundaries).toContain(kept.length)
  })

  it.each(['en', 'zh-Hant'] as const)('stays within the %s limit', (lang) => {
    const text = lang === 'en' ? 'word, '.repeat(40) : '安全，'.repeat(40)
    expect(length(deriveHeadline(text, lang))).toBeLessThanOrEqual(HEADLINE_LIMIT[lang])
  })
})

describe('deriveHeadline with brackets', () => {
  it('does not end inside a bracket it opened', () => {
    const text = 'Decoupling and self-sufficiency are framed as defences (not goals), but their costs are rising.'
    expect(deriveHeadline(text, 'en')).toBe('Decoupling and self-sufficiency are framed as defences…')
  })
})
