import { describe, expect, it } from 'vitest'
import { htmlToLangTexts, joinTitle, readDeck } from './deck.ts'

describe('htmlToLangTexts', () => {
  it('reads each language of a title and decodes its references', () => {
    expect(htmlToLangTexts('<span v-pre lang="zh-Hant">總體&#44;安全</span> · <span v-pre lang="en">A &#60;b&#62; &#36;x&#36;</span>')).toEqual([
      { lang: 'zh-Hant', text: '總體,安全' },
      { lang: 'en', text: 'A <b> $x$' },
    ])
  })

  it("reads notes paragraph by paragraph, without Slidev's click markers", () => {
    const note = '<p lang="en">Heading</p>\n\n<div class="deck-note-point">[click]<p lang="zh-Hant">一</p><p lang="en">&#91;click&#93; one</p></div>'
    expect(htmlToLangTexts(note)).toEqual([
      { lang: 'en', text: 'Heading' },
      { lang: 'zh-Hant', text: '一' },
      { lang: 'en', text: '[click] one' },
    ])
  })

  it('takes markup without languages as one text, and nothing as none', () => {
    expect(htmlToLangTexts('Plain <b>note</b>')).toEqual([{ text: 'Plain note' }])
    expect(htmlToLangTexts('')).toEqual([])
  })
})

describe('readDeck', () => {
  it("gives the deck's language, canvas, titles and notes, as Slidev's parser reads them", async () => {
    const markdown = [
      '---',
      'title: "<span v-pre lang=\\"en\\">Deck</span>"',
      'lang: en',
      '---',
      '',
      'Body',
      '',
      '<!--',
      '<p lang="en">First note</p>',
      '-->',
      '',
      '---',
      'title: "<span v-pre lang=\\"en\\">Two</span>"',
      '---',
      '',
      'Second',
      '',
    ].join('\n')
    const deck = await readDeck(markdown, 'decks/en.md')
    expect(deck).toMatchObject({ name: 'en', lang: 'en', width: 980, height: 552 })
    expect(deck.slides.map((slide) => joinTitle(slide.title))).toEqual(['Deck', 'Two'])
    expect(deck.slides.map((slide) => slide.notes)).toEqual([[{ lang: 'en', text: 'First note' }], []])
  })
})
