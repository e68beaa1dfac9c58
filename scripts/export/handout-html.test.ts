import { describe, expect, it } from 'vitest'
import type { ExportDeck } from './deck.ts'
import { renderHandout } from './handout-html.ts'

const deck: ExportDeck = {
  name: 'bilingual',
  file: 'slides/bilingual.md',
  lang: 'zh-Hant',
  title: [{ lang: 'zh-Hant', text: '標題' }, { lang: 'en', text: 'Title' }],
  width: 980,
  height: 552,
  fonts: { sans: [], serif: [], mono: [] },
  slides: [
    {
      no: 1,
      title: [{ lang: 'zh-Hant', text: '標題' }, { lang: 'en', text: '<script>x</script>' }],
      notes: [{ lang: 'en', text: '<img src=x onerror="alert(1)"> & {{ 1 + 1 }}' }],
      body: [],
      content: '',
    },
  ],
}

describe('renderHandout', () => {
  const html = renderHandout(deck)

  it('writes brief text as text: no markup of it reaches the page', () => {
    expect(html).not.toContain('<script>x')
    expect(html).not.toContain('<img src=x')
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; {{ 1 + 1 }}')
  })

  it('tags every title line and note with its language', () => {
    expect(html).toContain('<p lang="en">')
    expect(html).toContain('<span class="handout-title-line" lang="zh-Hant">標題</span>')
    expect(html).toContain('<span class="handout-title-line" lang="en">&lt;script&gt;x&lt;/script&gt;</span>')
  })

  it('gives each slide a page with a frame for the slide', () => {
    expect(html.match(/<section class="handout-slide">/g)).toHaveLength(1)
    expect(html).toContain('<div class="handout-frame" data-slide="1"></div>')
  })

  it('gives each slide the start of a page that carries its notes on: the header, then the title marked continued in each language', () => {
    expect(html).toContain(
      '<template class="handout-continued"><p class="handout-no">1 / 1</p><p class="handout-title"><span class="handout-title-line" lang="zh-Hant">標題（續）</span>',
    )
    expect(html).toContain('<span class="handout-title-line" lang="en">&lt;script&gt;x&lt;/script&gt; (continued)</span></p></template>')
    // A heading would add the slide to the handout's outline a second time.
    expect(html.match(/<h1/g)).toHaveLength(1)
  })
})

