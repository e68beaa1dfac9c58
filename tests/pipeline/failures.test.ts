/**
 * What a user meets when something around the brief goes wrong: an extras file
 * that cannot be read or is not UTF-8, a folder that cannot be written, a
 * command typed in a subfolder. Each gets one line (or one diagnostic), the
 * right exit code, and decks exactly as they were.
 */
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { readBriefText, sourceYaml } from '../support/brief-oracle.ts'
import { describe, expect, it } from 'vitest'
import { PROJECT_ROOT } from '../../scripts/project.ts'
import { runBuildCli } from '../support/build.ts'
import { runCommand } from '../support/process.ts'
import { projectTempDir } from '../support/tmp.ts'

const BRIEF = ['中文導言', '標題一', '- 要點一', '- 要點二', 'Summary:', 'English lede', 'Heading one', '- Point one', '- Point two'].join('\n') + '\n'
const DECKS = ['zh-Hant.md', 'en.md', 'bilingual.md']

/** A folder with the brief and decks already built from it, and a way to see they did not change. */
async function builtFolder(prefix: string) {
  const dir = await projectTempDir(prefix)
  const brief = path.join(dir, 'brief.txt')
  await writeFile(brief, BRIEF)
  const first = await runBuildCli(['--brief', brief, '--out', dir])
  expect(first.code, first.stderr).toBe(0)
  const before = await Promise.all(DECKS.map((deck) => readFile(path.join(dir, deck), 'utf8')))
  const unchanged = async () => {
    expect(await Promise.all(DECKS.map((deck) => readFile(path.join(dir, deck), 'utf8')))).toEqual(before)
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp') || name.endsWith('.old'))).toEqual([])
  }
  return { dir, brief, unchanged }
}

describe('build failures around the brief', () => {
  it('reports an extras file that cannot be read in one diagnostic, exit 1, decks untouched', async () => {
    const { dir, brief, unchanged } = await builtFolder('extras-unreadable')
    // Root reads any file whatever its mode: a folder in the file's place cannot be read by anyone.
    await mkdir(path.join(dir, 'brief.deck.yaml'))
    await writeFile(brief, BRIEF.replace('Point one', 'Point one, changed'))
    const result = await runBuildCli(['--brief', brief, '--out', dir])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^\S*brief\.deck\.yaml:1:1 {2}error {2}The extras file cannot be read: EISDIR {2}extras-unreadable\n {4}hint: .+\n.+no deck was written\.$/)
    expect(result.stderr).not.toMatch(/\n\s+at /)
    await unchanged()
  })

  it('refuses an extras file that is not UTF-8, naming the line and column of the bad byte', async () => {
    const { dir, brief, unchanged } = await builtFolder('extras-big5')
    // "title:" then Big5 bytes for 中 on line 2, column 5.
    await writeFile(path.join(dir, 'brief.deck.yaml'), new Uint8Array([...Buffer.from('title:\n  en: '), 0xa4, 0xa4, 0x0a]))
    const result = await runBuildCli(['--brief', brief, '--out', dir])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/brief\.deck\.yaml:2:7 {2}error {2}The file is not UTF-8 text \(byte 0xA4.+ {2}not-utf8\n {4}hint: Save the extras file as UTF-8/)
    await unchanged()
  })

  it('leaves every deck as it was when one of them cannot be written, and says so in one line', async () => {
    const { dir, brief, unchanged } = await builtFolder('write-fails')
    await writeFile(brief, BRIEF.replace('Point one', 'Point one, changed'))
    // zh-Hant.md and en.md can be replaced, bilingual.md cannot: a folder with a file in it stands in its way.
    const blocker = path.join(dir, 'bilingual.md')
    const old = await readFile(blocker, 'utf8')
    await writeFile(path.join(dir, 'bilingual.keep'), old)
    await import('node:fs/promises').then(({ rm }) => rm(blocker))
    await mkdir(blocker)
    await writeFile(path.join(blocker, 'x'), 'x')
    const result = await runBuildCli(['--brief', brief, '--out', dir])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^briefdeck: could not write the decks into \S+ \(E[A-Z]+\); the decks there are as they were\./)
    expect(result.stderr.split('\n')).toHaveLength(1)
    // Put bilingual.md back as it was to compare all three.
    await import('node:fs/promises').then(({ rm }) => rm(blocker, { recursive: true }))
    await writeFile(blocker, old)
    await unchanged()
  })
})

describe('npm run build in a subfolder', () => {
  it('reads --brief and --out relative to the folder the user is in, and reports a bad extras file there with its line', async () => {
    const dir = await projectTempDir('subfolder')
    await writeFile(path.join(dir, 'brief.txt'), BRIEF)
    // A misspelt key on line 3.
    await writeFile(path.join(dir, 'brief.deck.yaml'), 'title:\n  en: A title\ntitel:\n  en: typo\n')
    const bad = runCommand('npm', ['run', '--silent', 'build', '--', '--brief', 'brief.txt', '--out', 'decks'], { cwd: dir })
    expect((await bad.exited).code).toBe(1)
    expect(bad.output()).toMatch(/^brief\.deck\.yaml:3:1 {2}error {2}.+ {2}extras-schema$/m)
    expect(bad.output()).not.toMatch(/\n\s+at /)
    expect(existsSync(path.join(dir, 'decks'))).toBe(false)

    await writeFile(path.join(dir, 'brief.deck.yaml'), `title:\n  en: A title\n  ${sourceYaml({ en: readBriefText(BRIEF).en.lede })}\n`)
    const good = runCommand('npm', ['run', '--silent', 'build', '--', '--brief', 'brief.txt', '--out', 'decks'], { cwd: dir })
    expect((await good.exited).code, good.output()).toBe(0)
    expect(good.output()).toContain('wrote decks/zh-Hant.md, decks/en.md, decks/bilingual.md (3 slides each) from brief.txt')
    for (const deck of DECKS) expect(existsSync(path.join(dir, 'decks', deck)), deck).toBe(true)
    // Nothing was written where npm runs its scripts (the project root).
    expect(existsSync(path.join(PROJECT_ROOT, 'decks'))).toBe(false)
  }, 120_000)
})

describe('punctuation in Chinese text', () => {
  it('reports how many half-width marks it shows in full width and where, and never changes the brief file', async () => {
    const dir = await projectTempDir('punctuation')
    const brief = path.join(dir, 'brief.txt')
    const text = BRIEF.replace('- 要點一', '- 要點一,繼續;結束').replace('中文導言', '中文導言(草稿)')
    await writeFile(brief, text)
    const result = await runBuildCli(['--brief', brief, '--out', dir])
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/showing 4 half-width punctuation marks in Chinese text in full width \(\S*brief\.txt 1:5, 1:8, 3:6, 3:9\); the brief is unchanged/)
    expect(await readFile(brief, 'utf8')).toBe(text)
    const deck = await readFile(path.join(dir, 'zh-Hant.md'), 'utf8')
    expect(deck).toContain('要點一，繼續；結束')
    expect(deck).toContain('中文導言（草稿）')
  })
})
