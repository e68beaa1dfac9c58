import { existsSync, readdirSync } from 'node:fs'
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PROJECT_ROOT } from '../../scripts/project.ts'
import { runBuildCli } from '../support/build.ts'
import { processesOf, runCommand, stillRunning, type ProcessInfo } from '../support/process.ts'
import { projectTempDir } from '../support/tmp.ts'

let tmp: string
let decks: string

beforeAll(async () => {
  tmp = await projectTempDir('interrupt')
  decks = path.join(tmp, 'decks')
  const built = await runBuildCli(['--out', decks])
  if (built.code !== 0) throw new Error(built.stderr)
}, 120_000)

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true })
})

/** Processes of a command still running this long after it ended were left behind. */
const LEFTOVER_MS = 30_000

interface Interrupted {
  code: number | null
  output: string
  /** The command's processes when Ctrl-C was pressed (npm, node, Chromium's). */
  running: ProcessInfo[]
  /** Those still running after the command ended. */
  left: ProcessInfo[]
}

/**
 * Runs the export command (`npm run export`'s node process, so that its exit
 * code is seen, not npm's) in a process group of its own, and presses Ctrl-C
 * once `when` holds: SIGINT to the whole group, as a terminal sends it (to
 * node and any browser in the group). Resolves once the command has ended and
 * its processes are gone, or LEFTOVER_MS have passed.
 */
async function interruptedExport(out: string, when: (stdout: string, group: number) => boolean): Promise<Interrupted> {
  const command = runCommand(process.execPath, ['--import', 'tsx', 'scripts/export.ts', '--decks', decks, '--deck', 'en', '--format', 'pdf,handout', '--no-cache', '--out', out], {
    cwd: PROJECT_ROOT,
  })
  const group = command.child.pid ?? 0
  let running: ProcessInfo[] | undefined
  const poll = setInterval(() => {
    if (!running && when(command.output(), group)) {
      running = processesOf(group)
      command.interrupt()
    }
  }, 5)
  try {
    const { code } = await command.exited
    if (!running) throw new Error(`the export ended before it could be interrupted:\n${command.output()}`)
    const pressed = running
    const gone = () => stillRunning([...pressed, ...processesOf(group)])
    const deadline = Date.now() + LEFTOVER_MS
    while (gone().length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50))
    return { code, output: command.output(), running: pressed, left: gone() }
  } finally {
    clearInterval(poll)
    command.kill()
  }
}

/** The export's staging folders inside `out` (scripts/export/stage-outputs.ts) made by `group`'s leader or a process it started. */
function stagingIn(out: string, group: number): string[] {
  if (!existsSync(out)) return []
  return readdirSync(out).filter((name) => {
    const pid = /^\.briefdeck-export\.(\d+)\./.exec(name)?.[1]
    return pid !== undefined && (Number(pid) === group || processesOf(group).some((info) => info.pid === Number(pid)))
  })
}

describe('Ctrl-C during an export', () => {
  it('before the first file is made: stops, leaves the old files and no staging folder', async () => {
    const out = path.join(tmp, 'out-early')
    await mkdir(out, { recursive: true })
    await writeFile(path.join(out, 'decks-en.pdf'), 'old')
    const { code, output, left } = await interruptedExport(out, (stdout, group) => !/wrote/.test(stdout) && stagingIn(out, group).length > 0)
    expect(code, output).toBe(130)
    expect(output).not.toMatch(/wrote/)
    expect(output).not.toMatch(/\n\s+at /)
    expect(left, output).toEqual([])
    expect(await readdir(out)).toEqual(['decks-en.pdf'])
    expect(await readFile(path.join(out, 'decks-en.pdf'), 'utf8')).toBe('old')
  }, 600_000)

  it('after the first file is made: stops, leaves the old files and no staged file', async () => {
    const out = path.join(tmp, 'out-print')
    await mkdir(out, { recursive: true })
    await writeFile(path.join(out, 'decks-en.pdf'), 'old')
    const { code, output, running, left } = await interruptedExport(out, (stdout) => /wrote .*decks-en\.pdf/.test(stdout))
    expect(code, output).toBe(130)
    expect(output).not.toMatch(/\n\s+at /)
    // Chromium was printing the handout when Ctrl-C came, and is gone with the rest.
    expect(running.map((info) => info.name)).toContain('chromium')
    expect(left, output).toEqual([])
    expect(await readdir(out)).toEqual(['decks-en.pdf'])
    expect(await readFile(path.join(out, 'decks-en.pdf'), 'utf8')).toBe('old')
  }, 600_000)
})
