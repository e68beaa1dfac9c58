import { describe, expect, it } from 'vitest'
import { parseExtras } from './parse.ts'

describe('parseExtras', () => {
  it('reads titles and headlines by language', () => {
    const parsed = parseExtras('title:\n  zh-Hant: 標題\n  en: Title\nsections:\n  - points:\n      - en: A\n', 'x.yaml')
    expect(parsed.diagnostics).toEqual([])
    expect(parsed.extras).toEqual({ title: { 'zh-Hant': '標題', en: 'Title' }, sections: [{ points: [{ en: 'A' }] }] })
  })

  it('takes an empty file as no extras', () => {
    expect(parseExtras('', 'x.yaml')).toMatchObject({ extras: {}, diagnostics: [] })
  })

  it('reports a misspelt key and an empty headline at their lines', () => {
    const parsed = parseExtras('title:\n  zh: 標題\nlede:\n  en: "  "\n', 'x.yaml')
    expect(parsed.diagnostics.map((d) => [d.position.line, d.ruleId, d.reason])).toEqual([
      [2, 'extras-schema', expect.stringMatching(/^title: Unrecognized key.*"zh"/)],
      [4, 'extras-schema', 'lede.en: must not be empty'],
    ])
  })

  it('reports a misspelt top-level key at its own line, not at the top of the file', () => {
    const parsed = parseExtras('title:\n  en: T\n\ntitel:\n  en: typo\n', 'x.yaml')
    expect(parsed.diagnostics.map((d) => [d.position, d.reason])).toEqual([
      [{ line: 4, column: 1 }, 'The extras file: Unrecognized key: "titel"'],
    ])
  })

  it('reads the slot in minutes, and reports a slot that is not a positive number of minutes at its line', () => {
    expect(parseExtras('minutes: 7.5\n', 'x.yaml').extras).toEqual({ minutes: 7.5 })
    const reasons = (yaml: string) => parseExtras(yaml, 'x.yaml').diagnostics.map((d) => [d.position.line, d.ruleId, d.reason])
    expect(reasons('title:\n  en: T\nminutes: 10 min\n')).toEqual([[3, 'extras-schema', 'minutes: must be a number of minutes, like 10 or 7.5']])
    expect(reasons('minutes: 0\n')).toEqual([[1, 'extras-schema', 'minutes: must be more than 0 minutes']])
    expect(reasons('minutes: 601\n')).toEqual([[1, 'extras-schema', 'minutes: must be at most 600 minutes']])
  })

  it("reads the brief's date, and reports one that is not a day as YYYY-MM-DD at its line", () => {
    expect(parseExtras('date: 2026-11-20\n', 'x.yaml').extras).toEqual({ date: '2026-11-20' })
    const reasons = (yaml: string) => parseExtras(yaml, 'x.yaml').diagnostics.map((d) => [d.position.line, d.reason])
    expect(reasons('title:\n  en: T\ndate: 20 Nov 2026\n')).toEqual([[3, 'date: must be a date as YYYY-MM-DD, like 2026-11-20']])
    expect(reasons('date: 2026-02-30\n')).toEqual([[1, 'date: must be a day that exists, as YYYY-MM-DD']])
    expect(reasons('date: 20261120\n')).toEqual([[1, 'date: must be a date as YYYY-MM-DD, like 2026-11-20']])
  })

  it('reports broken YAML with its line', () => {
    const parsed = parseExtras('title:\n  en: T\nlede:\n  en: "unclosed\n', 'x.yaml')
    expect(parsed.diagnostics[0]).toMatchObject({ ruleId: 'extras-not-yaml', file: 'x.yaml' })
    expect(parsed.diagnostics[0]?.position.line).toBeGreaterThanOrEqual(4)
  })
})
