import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { DEFAULT_BRIEF } from '../project.ts'
import { parseBrief } from './parse.ts'

const shipped = readFileSync(DEFAULT_BRIEF, 'utf8')

describe('parseBrief', () => {
  const brief = parseBrief(shipped, 'brief.txt')

  it('reads the shipped brief: lede and two sections of four bullets, in each language', () => {
    for (const part of Object.values(brief.parts)) {
      expect(part.lede?.text.length).toBeGreaterThan(100)
      expect(part.sections.map((s) => s.points.length)).toEqual([4, 4])
      expect(part.strayPoints).toEqual([])
    }
    expect(brief.parts['zh-Hant'].sections.map((s) => s.heading.text)).toEqual(['總體安全', '安全優先'])
    expect(brief.parts.en.sections.map((s) => s.heading.text)).toEqual(['Security in All Aspects', 'Prioritizing Security'])
    expect(brief.summaries).toEqual([{ line: 12, column: 1 }])
  })

  it('keeps each bullet verbatim, with the line and column of its text', () => {
    const first = brief.parts.en.sections[0]!.points[0]!
    expect(first.position).toEqual({ line: 15, column: 3 })
    expect(shipped.split('\n')[14]).toBe(`- ${first.text}`)
  })

  it('ignores a BOM, CRLF, blank lines and trailing spaces, but keeps line numbers true', () => {
    const messy = parseBrief('\uFEFF導言  \r\n\r\n標題\r\n-  要點 \r\nSummary:\r\nLede\r\nHeading\r\n- Point\t\r\n', 'b.txt')
    expect(messy.parts['zh-Hant'].lede).toEqual({ text: '導言', position: { line: 1, column: 1 } })
    expect(messy.parts['zh-Hant'].sections[0]!.heading.position.line).toBe(3)
    expect(messy.parts['zh-Hant'].sections[0]!.points[0]).toEqual({ text: '要點', position: { line: 4, column: 4 } })
    expect(messy.parts.en.sections[0]!.points[0]!.text).toBe('Point')
  })

  it('treats a line that is only `-` as an empty bullet and `---` as a heading', () => {
    const parsed = parseBrief('lede\n---\n-\n- ---', 'b.txt')
    expect(parsed.parts['zh-Hant'].sections[0]!.heading.text).toBe('---')
    expect(parsed.parts['zh-Hant'].sections[0]!.points.map((p) => p.text)).toEqual(['', '---'])
  })
})
