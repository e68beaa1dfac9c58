import { describe, expect, it } from 'vitest'
import { findFigures, figureKey, keyFigure } from './figures.ts'

const keys = (text: string, lang: 'zh-Hant' | 'en') => findFigures(text, lang).map(figureKey)

describe('figures in English', () => {
  it.each([
    ["TSMC's water recycling reaches 86.7%", ['86.7%']],
    ['Taiwan receives about 2,500 mm of rain a year', ['2500']],
    ['received NT$1,250 billion in subsidies', ['1250000000000']],
    ['US$3,500 million and 12.5 thousand tonnes', ['3500000000', '12500']],
    ['grow 10 to 15 percent by 2031', ['10–15%', '2031']],
    ['trail by two to three years', ['2–3']],
    ['over 2025–2027', ['2025–2027']],
    ['NT$3 to 4 billion', ['3000000000–4000000000']],
    ['the 20th Congress', ['20']],
    ['one of the CO2 rules', []],
  ])('%s', (text, expected) => {
    expect(keys(text, 'en')).toEqual(expected)
  })
})

describe('figures in Chinese', () => {
  it.each([
    ['台積電表示其製程用水回收率已達86.7%', ['86.7%']],
    ['獲政府約1,250億元補助', ['125000000000']],
    ['新臺幣3,250億元與12.5萬噸', ['325000000000', '125000']],
    ['成長10%至15%', ['10–15%']],
    ['落後兩至三年', ['2–3']],
    ['約三成的用水', ['30%']],
    ['百分之四十五', ['45%']],
    ['至2031年全國用水', ['2031']],
    ['於2025–2027年間', ['2025–2027']],
    ['一項政策與一些人在二十大上', []],
  ])('%s', (text, expected) => {
    expect(keys(text, 'zh-Hant')).toEqual(expected)
  })
})

it('years are not the key figure; the first other figure is', () => {
  expect(keyFigure('By 2031, demand will rise 12% and supply 3%', 'en')?.text).toBe('12%')
  expect(keyFigure('至2031年，需求將增加12%', 'zh-Hant')?.text).toBe('12%')
  expect(keyFigure('At the 2031 summit nothing changed', 'en')).toBeUndefined()
})
