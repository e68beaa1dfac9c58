import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { VARIANTS } from '../../scripts/deck/variant.ts'
import { DEFAULT_BRIEF } from '../../scripts/project.ts'
import { runBuildCli } from '../support/build.ts'
import { projectTempDir } from '../support/tmp.ts'

const good = ['中文導言', '標題一', '- 要點一', '- 要點二', 'Summary:', 'English lede', 'Heading one', '- Point one', '- Point two']

interface Case {
  name: string
  brief: string | Uint8Array
  /** Each expected problem: `line:column` and rule id. */
  problems: [string, string][]
}

const lines = (...parts: string[]) => parts.join('\n') + '\n'

const cases: Case[] = [
  { name: 'an empty file', brief: '', problems: [['1:1', 'empty-file']] },
  { name: 'a file of blank lines', brief: '\n  \n\r\n', problems: [['1:1', 'empty-file']] },
  {
    name: 'bytes that are not UTF-8 (Big5)',
    brief: new Uint8Array([...Buffer.from('中文\nSummary:\nab'), 0xa4, 0xa4, 0x0a]),
    problems: [['3:3', 'not-utf8']],
  },
  { name: 'no Summary: line', brief: lines(...good.slice(0, 4)), problems: [['1:1', 'missing-summary']] },
  {
    name: 'two Summary: lines',
    brief: lines(...good.slice(0, 5), ...good.slice(4)),
    problems: [['6:1', 'duplicate-summary']],
  },
  {
    name: 'section counts that differ',
    brief: lines(...good, 'Heading two', '- Point three'),
    problems: [['10:1', 'section-count-mismatch']],
  },
  {
    name: 'bullet counts that differ within a pair of sections',
    brief: lines(...good, '- Point three'),
    problems: [['7:1', 'point-count-mismatch']],
  },
  {
    name: 'a section with no bullets, in both languages',
    brief: lines(...good.slice(0, 4), '標題二', 'Summary:', ...good.slice(5), 'Heading two'),
    problems: [
      ['5:1', 'section-without-points'],
      ['11:1', 'section-without-points'],
    ],
  },
  {
    name: 'a bullet before any heading',
    brief: lines(good[0]!, '- 孤立要點', ...good.slice(1)),
    problems: [['2:3', 'point-before-heading']],
  },
  {
    name: 'a part that starts with a bullet',
    brief: lines(...good.slice(0, 5), '- stray', 'Heading one', '- Point one', '- Point two'),
    problems: [
      ['6:3', 'missing-lede'],
      ['6:3', 'point-before-heading'],
    ],
  },
  {
    name: 'an English section missing in the middle, named at the Chinese heading without a partner',
    brief: lines('中文導言', '標題一', '- 一', '- 二', '標題二', '- 一', '- 二', '- 三', '標題三', '- 一', '- 二', 'Summary:', 'Lede', 'Heading one', '- a', '- b', 'Heading three', '- a', '- b'),
    problems: [['5:1', 'section-count-mismatch']],
  },
  {
    name: 'bullets pasted as • and *, each line named',
    brief: lines(...good.slice(0, 2), '• 要點一', '•要點二', ...good.slice(4, 7), '* Point one', '- Point two'),
    problems: [
      ['3:1', 'lookalike-bullet'],
      ['4:1', 'lookalike-bullet'],
      ['8:1', 'lookalike-bullet'],
    ],
  },
  { name: 'an empty English part', brief: lines(...good.slice(0, 5)), problems: [['5:1', 'empty-part']] },
  { name: 'an empty bullet', brief: lines(...good.slice(0, 4), '-', ...good.slice(4), '- Point three'), problems: [['5:2', 'empty-point']] },
]

describe('a malformed brief', () => {
  let out: string
  let before: Buffer[]
  beforeAll(async () => {
    out = await projectTempDir('malformed')
    await writeFile(path.join(out, 'good.txt'), lines(...good))
    expect((await runBuildCli(['--brief', path.join(out, 'good.txt'), '--out', out])).code).toBe(0)
    before = await Promise.all(VARIANTS.map((v) => readFile(path.join(out, `${v}.md`))))
  })

  it.each(cases)('is refused with file:line and rule for $name, leaving the decks as they were', async (c) => {
    const file = path.join(out, 'brief.txt')
    await writeFile(file, c.brief)
    const result = await runBuildCli(['--brief', file, '--out', out])
    expect(result.code).toBe(1)
    const reported = [...result.stderr.matchAll(/brief\.txt:(\d+:\d+) {2}error {2}.+ {2}([a-z0-9-]+)\n {4}hint: \S/g)].map(
      (m) => [m[1], m[2]],
    )
    expect(reported).toEqual(c.problems)
    expect(result.stderr).toMatch(/no deck was written\.$/)
    expect(result.stderr).not.toMatch(/\n\s+at /)
    const after = await Promise.all(VARIANTS.map((v) => readFile(path.join(out, `${v}.md`))))
    expect(after).toEqual(before)
  })

  it('names the section without a partner, its line and where the partner goes', async () => {
    // The shipped brief with its first English section (lines 14–18) cut: the English part's one section has as many
    // bullets as either Chinese one, so only the texts (their lengths, the numbers they share) tell which one is missing.
    const shipped = (await readFile(DEFAULT_BRIEF, 'utf8')).split('\n')
    const file = path.join(out, 'brief.txt')
    await writeFile(file, [...shipped.slice(0, 13), ...shipped.slice(18)].join('\n'))
    const result = await runBuildCli(['--brief', file, '--out', out])
    expect(result.stderr).toContain(
      'brief.txt:2:1  error  Chinese section 1 ("總體安全") has no English partner: the English part has 1 section, the Chinese part 2  section-count-mismatch\n' +
        '    hint: Add its English section before English section 1 ("Prioritizing Security", line 14), or remove this one.',
    )
    expect(result.stderr).toContain('briefdeck: 1 problem in')
  })

  it('says which line to fix for bullets pasted as •: did you mean `- `?', async () => {
    const file = path.join(out, 'brief.txt')
    await writeFile(file, lines(...good.slice(0, 2), '• 要點一', '• 要點二', ...good.slice(4)))
    const result = await runBuildCli(['--brief', file, '--out', out])
    expect(result.stderr).toContain('brief.txt:3:1  error  This line starts with "•", not `- `: did you mean `- `?  lookalike-bullet')
    expect(result.stderr).toContain('brief.txt:4:1  error')
    expect(result.stderr).not.toContain('has no bullets')
  })

  it('reports every problem at once', async () => {
    const file = path.join(out, 'brief.txt')
    await writeFile(file, lines(good[0]!, '- 孤立', '標題一', '標題二', '- 要點', 'Summary:', 'lede', 'Heading', '- a', '- b'))
    const result = await runBuildCli(['--brief', file, '--out', out])
    const rules = [...result.stderr.matchAll(/ {2}([a-z-]+)\n/g)].map((m) => m[1])
    // 標題一 has no bullets and no English partner; 標題二 pairs with Heading, and their bullets differ (1 and 2).
    expect(rules).toEqual(['point-before-heading', 'section-without-points', 'section-count-mismatch', 'point-count-mismatch'])
  })
})
