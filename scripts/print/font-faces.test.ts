import { describe, expect, it } from 'vitest'
import { fontFacesFor, parseRanges, pointsIn } from './font-faces.ts'

const face = (name: string, range?: string) => `@font-face {\n  font-family: '${name}';\n  src: url(/files/${name}.woff2) format('woff2');${range ? `\n  unicode-range: ${range};` : ''}\n}`

describe('fontFacesFor', () => {
  const css = [
    '.deck { color: red; }',
    face('tc-cjk', 'U+5b89,U+5168,U+7e3d-7e3f'),
    face('tc-other', 'U+9f98-9f9f,U+f900'),
    face('latin', 'U+0000-00FF,U+0131'),
    face('emoji', 'U+1F600-1F64F'),
    face('whole'),
    face('wild', 'U+4??'),
  ].join('\n')

  it("keeps the faces whose range holds one of the text's characters, and those without a range", () => {
    const kept = fontFacesFor(css, '總體安全 😀')
    expect(kept).toContain("'tc-cjk'")
    expect(kept).toContain("'emoji'")
    expect(kept).toContain("'whole'")
    expect(kept).not.toContain("'tc-other'")
    expect(kept).not.toContain("'wild'")
    expect(kept).toContain('.deck { color: red; }')
  })

  it('keeps the faces of printable ASCII whatever the text (markup escapes it, CSS counters draw it)', () => {
    expect(fontFacesFor(css, '')).toContain("'latin'")
    expect(fontFacesFor(face('digits', 'U+0030-0039'), '安')).toContain("'digits'")
  })

  it('reads wildcards, and keeps a face whose range it cannot read', () => {
    expect(fontFacesFor(css, 'Ѐ')).toContain("'wild'")
    expect(fontFacesFor(face('odd', 'U+XYZ'), '安')).toContain("'odd'")
  })
})

describe('parseRanges', () => {
  it('reads single points, spans and wildcards', () => {
    expect(parseRanges('U+0131, U+4E00-9FFF, U+1F??')).toEqual([
      [0x131, 0x131],
      [0x4e00, 0x9fff],
      [0x1f00, 0x1fff],
    ])
  })

  it('refuses what is not a range', () => {
    expect(parseRanges('U+4?-5')).toBeUndefined()
    expect(parseRanges('latin')).toBeUndefined()
  })
})

describe('pointsIn', () => {
  const points = [0x20, 0x41, 0x131, 0x4e00, 0x5168, 0x9fff, 0x1f600]

  it('finds the points of each range, bounds included, each once and in order', () => {
    expect(pointsIn(points, [[0x4e00, 0x9fff]])).toEqual([0x4e00, 0x5168, 0x9fff])
    expect(pointsIn(points, [[0x131, 0x131], [0x0, 0x41], [0x1f600, 0x1f64f]])).toEqual([0x20, 0x41, 0x131, 0x1f600])
    // Overlapping ranges (fonts' slices have them) name a point once.
    expect(pointsIn(points, [[0x4e00, 0x5168], [0x5000, 0x9fff]])).toEqual([0x4e00, 0x5168, 0x9fff])
  })

  it('finds none where no point falls in a range', () => {
    expect(pointsIn(points, [[0x42, 0x130], [0x20000, 0x2ffff]])).toEqual([])
    expect(pointsIn([], [[0, 0x10ffff]])).toEqual([])
  })
})
