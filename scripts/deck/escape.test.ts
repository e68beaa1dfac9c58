import { decodeHTML } from 'entities'
import { describe, expect, it } from 'vitest'
import { HAZARDS } from '../../tests/fixtures/hostile.ts'
import { escapeText } from './escape.ts'

describe('escapeText', () => {
  it.each(HAZARDS)('decodes back to %s exactly', (hazard) => {
    expect(decodeHTML(escapeText(hazard))).toBe(hazard)
  })

  it('leaves no ASCII punctuation for any layer to read', () => {
    const all = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i)).join('')
    expect(escapeText(all).replace(/&#\d+;/g, '')).toMatch(/^[A-Za-z0-9 ]*$/)
  })

  it('keeps Chinese, full-width punctuation and emoji as they are', () => {
    expect(escapeText('總體安全，「觀」🙂')).toBe('總體安全，「觀」🙂')
  })
})
