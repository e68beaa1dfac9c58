/**
 * Long work shows its progress (issue 38, point 11): `npm run site` of a desk
 * of several briefings, on a terminal (a pseudo-terminal: util-linux's
 * `script`) one line redrawn in place, deck k of n, with the time elapsed and
 * an estimate of what is left; in a pipe, and in CI, one plain line per deck.
 */
import { spawn } from 'node:child_process'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PROJECT_ROOT } from '../../scripts/project.ts'
import { taggedBrief } from '../support/tagged-brief.ts'
import { deskTempDir } from '../support/tmp.ts'

let root: string

beforeAll(async () => {
  root = await deskTempDir('progress')
  await mkdir(path.join(root, 'content'))
  for (const name of ['alpha', 'beta']) await writeFile(path.join(root, 'content', `${name}.txt`), taggedBrief(name))
})

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true })
})

/** The site command's whole output and exit code: through a pseudo-terminal, or a pipe. */
function runSite(decks: string[], how: { terminal: boolean; ci: boolean }): Promise<{ code: number | null; text: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env }
  delete env.CI
  if (how.ci) env.CI = 'true'
  const out = path.join(root, `site-${how.terminal ? 'tty' : 'pipe'}-${how.ci ? 'ci' : 'local'}`)
  const command = [process.execPath, '--import', 'tsx', 'tests/support/run-site.ts', root, out, ...decks]
  const quoted = command.map((part) => `'${part.replace(/'/g, `'\\''`)}'`).join(' ')
  // `script` gives the command a terminal of its own (its output: what that terminal shows), and exits with its code (-e).
  const [file, args] = how.terminal ? ['script', ['-qefc', quoted, '/dev/null']] : [command[0]!, command.slice(1)]
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let text = ''
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()))
    child.once('error', reject)
    child.once('close', (code) => resolve({ code, text }))
  })
}

/** Each line as a reader of a log sees it (a terminal's line ends are `\r\n`). */
const lines = (text: string) => text.replace(/\r\n/g, '\n').split('\n')
const REDRAW = '\r\x1b[K'

describe('npm run site shows its progress, deck by deck', () => {
  it('on a terminal: one line, redrawn in place, deck k of n with the time elapsed and left', async () => {
    const { code, text } = await runSite(['en', 'zh-Hant'], { terminal: true, ci: false })
    expect(code, text).toBe(0)
    // Every drawing of the progress line is on one line of the terminal: redrawn, never a new line.
    const drawnOn = lines(text).filter((line) => line.includes('deck 1 of 4') || line.includes('deck 4 of 4'))
    expect(drawnOn, text).toHaveLength(1)
    const draws = drawnOn[0]!.split(REDRAW).filter((draw) => draw !== '')
    // Cleared at the end for the report that follows.
    expect(draws.pop()).toMatch(/^briefdeck: built 4 decks with `slidev build`/)
    const decks = draws.map((draw) => /^briefdeck: building deck (\d) of 4 \(\S+\/(alpha|beta)\/(en|zh-Hant)\.md\), \d+\.\d s elapsed(, about \d+\.\d s left)?$/.exec(draw))
    expect(decks.filter((match) => !match), text).toEqual([])
    // Each deck in turn, two briefings of two decks.
    const order = [...new Set(decks.map((match) => `${match![1]} ${match![2]}/${match![3]}`))]
    expect(order).toEqual(['1 alpha/en', '2 alpha/zh-Hant', '3 beta/en', '4 beta/zh-Hant'])
    // No estimate before the first deck is built; one from the second on.
    expect(decks.filter((match) => match![1] === '1' && match![4])).toEqual([])
    expect(decks.some((match) => match![1] === '4' && match![4])).toBe(true)
  }, 900_000)

  it('in a pipe, and in CI: one plain line per deck built, nothing redrawn', async () => {
    for (const how of [
      { terminal: false, ci: false, decks: ['en', 'zh-Hant'] },
      // A CI runner's terminal too: its log keeps every byte.
      { terminal: true, ci: true, decks: ['en'] },
    ]) {
      const { code, text } = await runSite(how.decks, how)
      expect(code, text).toBe(0)
      expect(text).not.toContain('\x1b[K')
      const n = how.decks.length * 2
      const progress = lines(text).filter((line) => line.includes(' deck '))
      const expected = ['alpha', 'beta'].flatMap((name) => how.decks.map((deck) => `${name}/${deck}`))
      expect(progress, text).toHaveLength(n)
      progress.forEach((line, i) => {
        const left = i + 1 < n ? `, about \\d+\\.\\d s left` : ''
        expect(line).toMatch(new RegExp(`^briefdeck: built deck ${i + 1} of ${n} \\(\\S+/${expected[i]}\\.md\\), \\d+\\.\\d s elapsed${left}$`))
      })
    }
  }, 900_000)
})
