/**
 * The README's quick start, run as written on a fresh copy of the project:
 * the brief format it shows, filled in with a brief of the test's own and
 * saved where it says, then its `npm start NAME -- --minutes N` command (and a
 * free port). The copy's packages are this project's, linked one by one.
 */
import { execFileSync } from 'node:child_process'
import { copyFile, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { PROJECT_ROOT } from '../../scripts/project.ts'
import { freePort } from '../../scripts/slidev/server.ts'
import { runCommand } from '../support/process.ts'
import { deskTempDir } from '../support/tmp.ts'

/** What the test writes in place of each of the README's placeholders. */
const FILLED: [RegExp, string][] = [
  [/^<Chinese lede[^>]*>$/, '經濟部預估，至2031年全國用水需求將增加12%。'],
  [/^<Chinese heading>$/, '供水現況'],
  [/^- <Chinese bullet>$/, '- 台積電表示其製程用水回收率已達86.7%，較2020年提高。'],
  [/^<English lede>$/, 'The ministry estimates that by 2031 national water demand will rise 12%.'],
  [/^<English heading>$/, 'Supply today'],
  [/^- <English bullet>$/, '- TSMC says its process-water recycling rate has reached 86.7%, up from 2020.'],
]

describe("the README's quick start", () => {
  it('presents a new brief, as written, on a fresh copy', async () => {
    const readme = await readFile(path.join(PROJECT_ROOT, 'README.md'), 'utf8')
    const quickStart = /## Quick start[^\n]*\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? ''
    const format = /```text\n([\s\S]*?)\n\s*```/.exec(quickStart)?.[1]?.split('\n').map((line) => line.trim())
    const file = /Write `(content\/(\w+)\.txt)`/.exec(quickStart)
    const command = /`(npm start (\w+) -- --minutes (\d+))`/.exec(quickStart)
    expect(format, 'the quick start shows the brief format').toBeDefined()
    expect(file, 'the quick start names the file to write').not.toBeNull()
    expect(command, 'the quick start gives the command that presents it').not.toBeNull()
    expect(command![2]).toBe(file![2])
    // Read in a minute: under 15 lines from the first step to the last.
    expect(quickStart.trim().split('\n').length, 'the quick start\'s length in lines').toBeLessThan(15)

    // A fresh copy: the files git tracks (the tests and docs aside), in a folder of its own.
    const copy = await deskTempDir('quick-start')
    const tracked = execFileSync('git', ['ls-files'], { cwd: PROJECT_ROOT, encoding: 'utf8' })
      .split('\n')
      .filter((name) => name && !/^(tests|docs)\//.test(name))
    for (const name of tracked) {
      await mkdir(path.dirname(path.join(copy, name)), { recursive: true })
      await copyFile(path.join(PROJECT_ROOT, name), path.join(copy, name))
    }

    // What `npm install` would have put there: this project's packages, each linked, in a node_modules of
    // the copy's own (its caches, briefdeck's command bundles among them, must not be this project's).
    await mkdir(path.join(copy, 'node_modules'))
    for (const entry of await readdir(path.join(PROJECT_ROOT, 'node_modules'))) {
      if (entry !== '.cache') await symlink(path.join(PROJECT_ROOT, 'node_modules', entry), path.join(copy, 'node_modules', entry))
    }

    // The brief, in the format the README shows, every placeholder filled.
    const lines = format!.map((line) => FILLED.find(([placeholder]) => placeholder.test(line))?.[1] ?? line)
    expect(lines.filter((line) => /[<>]/.test(line)), 'a placeholder the test does not know').toEqual([])
    await writeFile(path.join(copy, file![1]!), lines.join('\n') + '\n')

    const port = await freePort()
    const args = [...command![1]!.split(' ').slice(1), '--port', String(port)]
    const npm = runCommand('npm', args, { cwd: copy })
    try {
      await npm.printed(/presenter view.*\n?/, 240_000)
      expect((await fetch(`http://localhost:${port}/presenter/1`)).status).toBe(200)
      // The decks it presents (npm start keeps them apart, a folder a port), the new brief's bullet
      // verbatim in the notes, the slot of the command.
      const deck = await readFile(path.join(copy, '.tmp', 'present', String(port), 'bilingual.md'), 'utf8')
      expect(deck).toContain('TSMC says its process-water recycling rate has reached 86.7%, up from 2020.')
      expect(deck).toContain(`slot ${command![3]}:00`)
    } finally {
      npm.interrupt()
      await npm.exited
      npm.kill()
    }
  }, 300_000)
})
