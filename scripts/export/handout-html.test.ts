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
  const html = renderHandout(deck, { imageUrl: (no) => `/slides/${no}.png`, stylesheets: ['/fonts/a.css'] })

  it('writes brief text as text: no markup of it reaches the page', () => {
    expect(html).not.toContain('<script>x')
    expect(html).not.toContain('<img src=x')
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; {{ 1 + 1 }}')
  })

  it("tags the page and every note with its language, and names the document after the deck", () => {
    expect(html).toContain('<html lang="zh-Hant">')
    expect(html).toContain('<p lang="en">')
    expect(html).toContain('<title>標題 · Title</title>')
  })

  it('gives each slide a page with its image, described by its title', () => {
    expect(html).toContain('<img class="handout-image" src="/slides/1.png" alt="標題 · &lt;script&gt;x&lt;/script&gt;"')
    expect(html.match(/<section class="handout-slide">/g)).toHaveLength(1)
  })
})
