/**
 * Generated briefs broken on purpose (tests/support/generate-brief.ts, malform):
 * each is refused with the README's `file:line` problems, and the decks
 * already in the output folder stay as they were.
 */
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { VARIANTS } from '../../scripts/deck/variant.ts'
import { runBuildCli } from '../support/build.ts'
import { MALFORMATIONS, generateBrief, malform } from '../support/generate-brief.ts'
import { projectTempDir } from '../support/tmp.ts'

const SEEDS = [3, 14, 15, 92]

describe.each(SEEDS)('generated brief %i, malformed', (seed) => {
  it.each(MALFORMATIONS)('%s: refused with its file:line problems, the decks untouched', async (kind) => {
    const brief = generateBrief(seed)
    const broken = malform(brief, kind)
    const out = await projectTempDir(`malformed-${seed}-${kind}`)
    const file = path.join(out, 'brief.txt')
    await writeFile(file, brief.text)
    expect((await runBuildCli(['--brief', file, '--out', out])).code).toBe(0)
    const before = await Promise.all(VARIANTS.map((v) => readFile(path.join(out, `${v}.md`))))

    await writeFile(file, broken.text)
    const result = await runBuildCli(['--brief', file, '--out', out])
    expect(result.code).toBe(1)
    const reported = [...result.stderr.matchAll(/brief\.txt:(\d+:\d+) {2}error {2}.+ {2}([a-z0-9-]+)\n {4}hint: \S/g)].map((m) => [m[1], m[2]])
    expect(reported).toEqual(broken.problems)
    expect(result.stderr).toMatch(/no deck was written\.$/)
    expect(result.stderr).not.toMatch(/\n\s+at /)
    expect(await Promise.all(VARIANTS.map((v) => readFile(path.join(out, `${v}.md`))))).toEqual(before)
  })
})
