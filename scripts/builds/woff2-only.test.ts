import postcss from 'postcss'
import { describe, expect, it } from 'vitest'
import { woff2OnlyPostcss } from './woff2-only.ts'

const run = async (css: string) => (await postcss([woff2OnlyPostcss()]).process(css, { from: undefined })).css

describe('WOFF2 only', () => {
  it('drops the WOFF source of a font face that has WOFF2, as @fontsource writes them', async () => {
    const css = "@font-face { font-family: 'Noto Sans TC'; src: url(./files/noto-sans-tc-0-400-normal.woff2) format('woff2'), url(./files/noto-sans-tc-0-400-normal.woff) format('woff'); unicode-range: U+4E00; }"
    expect(await run(css)).toBe("@font-face { font-family: 'Noto Sans TC'; src: url(./files/noto-sans-tc-0-400-normal.woff2) format('woff2'); unicode-range: U+4E00; }")
  })

  it('keeps a face whose only source is WOFF, and leaves everything outside @font-face alone', async () => {
    const css = '@font-face { font-family: Old; src: url("old.woff") format("woff"); }\n.x { src: url(a.woff2), url(b.woff); }'
    expect(await run(css)).toBe(css)
  })
})
