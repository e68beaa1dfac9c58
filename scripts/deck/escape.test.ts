import { decodeHTML } from 'entities'
import { describe, expect, it } from 'vitest'
import { HAZARDS } from '../../tests/fixtures/hostile.ts'
import { escapeAttribute, escapeMarkdownInline, escapeNote } from './escape.ts'

const ESCAPES = { escapeAttribute, escapeNote, escapeMarkdownInline }
const ALL_ASCII = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i)).join('')
/** `&` that does not start a character reference. */
const BARE_AMPERSAND = /&(?!#\d+;|[a-z]+;)/

describe.each(Object.entries(ESCAPES))('%s', (_, escape) => {
  it.each(HAZARDS)('decodes back to %s exactly', (hazard) => {
    expect(decodeHTML(escape(hazard))).toBe(hazard)
  })

  it('keeps Chinese, full-width punctuation and emoji as they are', () => {
    expect(escape('總體安全，「觀」🙂')).toBe('總體安全，「觀」🙂')
  })

  it('leaves no control character and no bare ampersand', () => {
    expect(escape(ALL_ASCII)).not.toMatch(/[\x00-\x1f\x7f]/)
    expect(escape(ALL_ASCII)).not.toMatch(BARE_AMPERSAND)
  })
})

describe('escapeAttribute: a static component prop', () => {
  it('keeps ordinary punctuation as typed', () => {
    const text = "Regime security first: assertive abroad, escalating tensions (Xi's view) -- {{ 1 + 1 }} $x$ [a] 100%"
    expect(escapeAttribute(text)).toBe(text)
  })

  it('leaves nothing that ends the value or opens a tag or comment', () => {
    expect(escapeAttribute(ALL_ASCII)).not.toMatch(/["<>]/)
  })

  it('breaks every image reference Slidev would preload', () => {
    for (const image of ['![a](x.png)', "src='x.png'", 'IMAGE="x.png"', 'url(x.png)', 'URL("x.png")']) {
      expect(escapeAttribute(image)).not.toMatch(/!\[|\b(?:src|image)=|\burl\(/i)
    }
  })
})

describe('escapeNote: a paragraph of a speaker note', () => {
  it('keeps ordinary punctuation, quotes, markdown and dollars as typed', () => {
    const text = `Security first: "assertive" abroad, it's *so* -- [1] $5 {{ x }} ::right:: https://example.com`
    expect(escapeNote(text)).toBe(text)
  })

  it('leaves no tag, no comment end and no click marker', () => {
    expect(escapeNote(ALL_ASCII)).not.toMatch(/[<>]/)
    expect(escapeNote('[click] [CLICK:2] [Click:10]')).not.toMatch(/\[click/i)
  })
})

describe('escapeMarkdownInline: a slide title', () => {
  it('leaves no ASCII punctuation for markdown, typographer, linkify or Vue to read', () => {
    expect(escapeMarkdownInline(ALL_ASCII).replace(/&#\d+;/g, '')).toMatch(/^[A-Za-z0-9 ]*$/)
  })
})
