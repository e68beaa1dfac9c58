import { describe, expect, it } from 'vitest'
import { decodeBrief, findInvalidUtf8 } from './decode.ts'

const bytes = (...values: number[]) => new Uint8Array(values)

describe('decodeBrief', () => {
  it('drops a byte-order mark', () => {
    expect(decodeBrief(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('中')]))).toEqual({ ok: true, text: '中' })
  })

  it('says where the first byte that is not UTF-8 stands', () => {
    const big5 = new Uint8Array([...Buffer.from('ok\r\n中a'), 0xa4, 0xa4])
    expect(decodeBrief(big5)).toEqual({ ok: false, byte: 0xa4, position: { line: 2, column: 3 } })
  })
})

describe('findInvalidUtf8', () => {
  it.each([
    ['a lone continuation byte', bytes(0x41, 0x80), 1],
    ['an overlong encoding', bytes(0xc0, 0xaf), 0],
    ['a surrogate', bytes(0xed, 0xa0, 0x80), 0],
    ['a truncated sequence', bytes(0xe4, 0xb8), 0],
    ['a code point past U+10FFFF', bytes(0xf4, 0x90, 0x80, 0x80), 0],
  ])('finds %s', (_, input, index) => {
    expect(findInvalidUtf8(input)).toBe(index)
  })

  it('accepts four-byte characters', () => {
    const emoji = new Uint8Array(Buffer.from('🙂中'))
    expect(findInvalidUtf8(emoji)).toBe(emoji.length)
  })
})
