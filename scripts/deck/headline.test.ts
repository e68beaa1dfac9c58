import { describe, expect, it } from 'vitest'
import { deriveHeadline } from './headline.ts'
import { FUNCTION_WORDS } from './words.ts'

const length = (text: string) => Array.from(text).length
const en = (text: string) => deriveHeadline(text, 'en')
const zh = (text: string) => deriveHeadline(text, 'zh-Hant')
const lastWord = (headline: string) =>
  headline.replace(/…$/, '').split(/\s+/).at(-1)!.replace(/[^\p{L}\p{N}'’-]/gu, '').toLowerCase()

describe('deriveHeadline keeps what fits', () => {
  it('keeps a short bullet whole, without an ellipsis', () => {
    expect(en('Security in all aspects')).toBe('Security in all aspects')
    expect(zh('安全優先')).toBe('安全優先')
  })

  // The README's promise: a slide line holds 24 Chinese or 64 English characters.
  it.each([
    ['en', 64],
    ['zh-Hant', 24],
  ] as const)('stays within the %s limit of %i characters', (lang, limit) => {
    const text = lang === 'en' ? 'word, '.repeat(40) : '安全，'.repeat(40)
    expect(length(deriveHeadline(text, lang))).toBeLessThanOrEqual(limit)
    expect(length(deriveHeadline(text, lang))).toBeGreaterThan(limit / 2)
  })
})

describe('rule 1: end at a sentence or clause, with no ellipsis there', () => {
  it('ends an English headline at its first sentence, which needs no ellipsis', () => {
    const text = 'Rural clinics report shortages of insulin. Urban hospitals, by contrast, report stable supplies all quarter.'
    expect(en(text)).toBe('Rural clinics report shortages of insulin')
  })

  it('ends at a clause when no sentence fits', () => {
    const text =
      'Hospital admissions for heat stroke doubled in July, and most of the patients were elderly and lived alone at home.'
    expect(en(text)).toBe('Hospital admissions for heat stroke doubled in July')
    // A subordinate clause cut at its comma lacks its main clause: that cut is marked.
    const subordinate =
      'Although the ministry has promised more money for clinics, no figures have been published for the coming budget.'
    expect(en(subordinate)).toBe('Although the ministry has promised more money for clinics…')
    // So is a subject cut before its apposition: its verb is still to come.
    const apposition = 'The 700-kilometre northern interconnector, a direct-current link to the uplands, opens in 2027.'
    expect(en(apposition)).toBe('The 700-kilometre northern interconnector…')
  })

  it('does not take a comma between one-word list items for a clause', () => {
    const text = 'Beijing puts regime security first and measures its foreign, economic and technology policies against it.'
    expect(en(text)).toBe('Beijing puts regime security first…')
  })

  it('ends a Chinese headline at a clause that stands alone, not on a verb of saying', () => {
    const text = '國家安全是國家復興的基礎，因此習近平表示，中國將繼續加強國內國家安全機構建設。'
    expect(zh(text)).toBe('國家安全是國家復興的基礎')
  })

  it('marks a Chinese cut at an enumeration comma 、: the list goes on', () => {
    const text = '報告建議擴建變電站、更新輸電線路、增設儲能設施以及培訓更多維修技術人員以應付冬季用電高峰。'
    expect(zh(text)).toBe('報告建議擴建變電站、更新輸電線路、增設儲能設施…')
  })
})

describe('rule 2: else stop before a clause or coordination', () => {
  it.each([
    // Shaped like "… a rule under which…"
    [
      'Last spring the assembly adopted a new rule under which every district must report outages daily.',
      'Last spring the assembly adopted a new rule…',
    ],
    // Shaped like "… trade and…"
    [
      'Officials expect the corridor to double cross-border trade and to cut freight costs for farmers by a fifth.',
      'Officials expect the corridor to double cross-border trade…',
    ],
  ])('%s', (text, headline) => {
    expect(en(text)).toBe(headline)
  })

  it('stops a Chinese headline before a coordinating word', () => {
    const text = '衛生部決定在三個邊境縣設立臨時發熱門診並要求各醫院每日上報病例數字和病床使用率。'
    expect(zh(text)).toBe('衛生部決定在三個邊境縣設立臨時發熱門診…')
  })
})

describe('rule 3: never end on a function word', () => {
  it.each([
    // Shaped like "… for state…" and "… presence in…": stop before the preposition instead.
    [
      'The ministry has reserved the remaining winter capacity for state enterprises in the northern provinces.',
      'The ministry has reserved the remaining winter capacity…',
    ],
    [
      'Defence analysts expect a sharp rise in the militia presence in border districts over two winters.',
      'Defence analysts expect a sharp rise in the militia presence…',
    ],
    // Shaped like "… with…"
    [
      'The plan leaves the northern valley towns to cope alone with rolling outages during the coldest weeks.',
      'The plan leaves the northern valley towns to cope alone…',
    ],
  ])('%s', (text, headline) => {
    const derived = en(text)
    expect(derived).toBe(headline)
    expect(FUNCTION_WORDS.has(lastWord(derived))).toBe(false)
  })

  it('does not end a Chinese headline on a particle: stops before the coordination instead', () => {
    const text = '偏遠山區診所長期缺乏胰島素與其他慢性病藥物的穩定供應且情況持續惡化。'
    expect(zh(text)).toBe('偏遠山區診所長期缺乏胰島素…')
  })

  it('does not end a Chinese headline on 的: stops before an auxiliary instead', () => {
    const text = '偏遠縣份的衛生所至今仍然沒有配備足夠的冷藏設備來保存疫苗和藥品。'
    expect(zh(text)).toBe('偏遠縣份的衛生所至今…')
  })
})

describe('rule 4: never inside a hyphenated word, a number or a quotation', () => {
  it('does not end inside a straight-quoted phrase or a hyphenated word in it', () => {
    const text = 'Planners in the valley describe the programme as a "re-electrification of the valley" that ends in 2030.'
    expect(en(text)).toBe('Planners in the valley describe the programme…')
  })

  it('does not end inside single quotes, but reads apostrophes as apostrophes', () => {
    const text = "The province's engineers call the plan a 'belt and braces' approach to keeping two supply routes open."
    expect(en(text)).toBe("The province's engineers call the plan…")
  })

  it('does not split a number from its unit', () => {
    const text = 'Rural clinics in the northern province expect to receive 12 million doses before the autumn campaign.'
    const derived = en(text)
    expect(derived).not.toMatch(/\d…$/)
    // The key figure is kept, on a longer line, and with what it counts.
    expect(derived).toBe('Rural clinics in the northern province expect to receive 12 million doses…')
  })

  it('does not end inside brackets it opened', () => {
    // An aside too long to be a gloss stays, and the headline stops before it.
    const text = 'Decoupling and self-sufficiency are framed as defences (not as goals of economic policy in themselves), but costs rise.'
    expect(en(text)).toBe('Decoupling and self-sufficiency are framed as defences…')
  })

  it.each([
    ['衛生部要求各縣「以預防為主並在夏季高峰前完成全部疫苗接種工作」，同時增加醫護人員的夜班津貼。', '衛生部要求各縣…'],
    ['省政府發布了《二〇三〇年能源轉型與電網安全中長期發展規劃綱要》並要求各市在年底前提交實施方案。', '省政府發布了…'],
  ])('does not end a Chinese headline inside 「」 or 《》: %s', (text, headline) => {
    expect(zh(text)).toBe(headline)
  })

  it('does not cut a Latin hyphenated word inside Chinese text', () => {
    const text = '各地區電網營運商都把self-sufficiency列為長期目標並持續投入大量資金'
    expect(zh(text)).not.toMatch(/self-?…$/)
  })

  it('does not split a Chinese number from its unit', () => {
    const text = '電網營運商預計備用容量將在明年一月降到1250兆瓦並在寒流期間實施輪流停電的措施。'
    expect(zh(text)).not.toMatch(/\d…$/)
  })
})

describe('deriveHeadline falls back gracefully', () => {
  it('never cuts inside a word, and marks a word cut with an ellipsis', () => {
    const headline = en('Decoupling '.repeat(20).trim())
    expect(headline).toMatch(/^(Decoupling )*Decoupling…$/)
    const chinese = '中央國家安全委員會致力於落實習近平的國家安全觀並批准了監測風險和加強國內安全的政策'
    const derived = zh(chinese)
    expect(derived.endsWith('…')).toBe(true)
    const boundaries = [...new Intl.Segmenter('zh-Hant', { granularity: 'word' }).segment(chinese)].map(
      (s) => s.index + s.segment.length,
    )
    expect(boundaries).toContain(derived.slice(0, -1).length)
  })

  it('is deterministic', () => {
    const text = 'Officials expect the corridor to double cross-border trade and to cut freight costs for farmers by a fifth.'
    expect(en(text)).toBe(en(text))
  })
})

describe('rule 4, read whole: amounts, ranges, reduplications, words that need what follows (issue #21)', () => {
  it('does not stop on 約 before a comma-grouped amount, nor take its grouping comma for a clause end', () => {
    expect(zh('半導體與電網營運商總計獲政府約1,250億元補助而其他產業則未獲得任何額外資金。')).toBe('半導體與電網營運商總計獲政府約1,250億元…')
  })

  it('does not stop inside a range', () => {
    // Whole, on a longer line: the range is the bullet's figure.
    expect(zh('報告預估國內晶片產業在先進製程上仍將落後兩至三年並需要更多投資。')).toBe('報告預估國內晶片產業在先進製程上仍將落後兩至三年並需要更多投資。')
    expect(en('Chinese chipmakers, even with ample state aid, will still trail by one to two years in lithography.')).not.toMatch(/by one…$/)
  })

  it('does not stop inside a reduplication or before a unit', () => {
    expect(en('Domestic demand for imported coal in the coastal region is falling year by year as plants close.')).toBe(
      'Domestic demand for imported coal in the coastal region…',
    )
    expect(en('The provincial utilities plan to add new storage capacity of about 1.2 GW before the winter.')).toBe(
      'The provincial utilities plan to add new storage capacity of about 1.2 GW…',
    )
  })
})
