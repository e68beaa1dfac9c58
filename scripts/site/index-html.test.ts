import { describe, expect, it } from 'vitest'
import type { ExportDeck } from '../export/deck.ts'
import { downloadFormats } from './build-site.ts'
import { renderSiteIndex, type SiteBriefing } from './index-html.ts'

const deck = (name: string): ExportDeck => ({
  name,
  file: `slides/x/${name}.md`,
  lang: 'en',
  title: [{ lang: 'zh-Hant', text: '<b>標題</b>' }, { lang: 'en', text: 'A {{ title }} & more' }],
  width: 980,
  height: 552,
  slides: [],
  fonts: { sans: [], serif: [], mono: [] },
})

const briefing: SiteBriefing = {
  name: 'x',
  decks: ['zh-Hant', 'en', 'bilingual'].map((name) => ({ deck: deck(name), folder: `x/${name}` })),
  facts: { titles: deck('en').title, date: undefined, slides: 4, seconds: [150, 140, 160] },
  downloads: { folder: 'x/downloads', formats: ['pdf'] },
}

const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1])

describe('the site index', () => {
  it('offers a public site the slide PDF and the public one-file deck only', () => {
    expect(downloadFormats(true)).toEqual(['pdf', 'html'])
    expect(downloadFormats(false)).toEqual(['pdf', 'handout', 'pptx', 'html'])
  })

  it('links each deck as one file ("Download as one file")', () => {
    const html = renderSiteIndex([{ ...briefing, downloads: { folder: 'x/downloads', formats: ['pdf', 'html'] } }], { public: true })
    const links = [...html.matchAll(/<a class="download" href="([^"]*)" download>([^<]*)<\/a>/g)].map((match) => `${match[2]}: ${match[1]}`)
    expect(links).toEqual(expect.arrayContaining(['Download as one file: x/downloads/x-zh-Hant.html', 'Download as one file: x/downloads/x-bilingual.html']))
  })

  it('in a public site, links each deck and its slide PDF only: no presenter view, no handout or PPTX (they carry the notes)', () => {
    expect(hrefs(renderSiteIndex([briefing], { public: true }))).toEqual(['x/zh-Hant/', 'x/downloads/x-zh-Hant.pdf', 'x/en/', 'x/downloads/x-en.pdf', 'x/bilingual/', 'x/downloads/x-bilingual.pdf'])
  })

  it('shows titles as text, with their language, and each deck its speaking time', () => {
    const html = renderSiteIndex([briefing], { public: false })
    expect(html).toContain('<span lang="zh-Hant">&lt;b&gt;標題&lt;/b&gt;</span><br><span lang="en">A {{ title }} &amp; more</span>')
    expect(html).toContain('about 2:30')
    expect(html).toContain('about 2:40')
    expect(hrefs(html)).toContain('x/en/#/presenter/1')
  })
})
