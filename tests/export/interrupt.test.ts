import { spawn } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PROJECT_ROOT } from '../../scripts/project.ts'
import { runBuildCli } from '../support/build.ts'
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

/**
 * Runs the real export command as its own process and sends it SIGINT (what
 * Ctrl-C sends) once `when` holds; resolves with its exit code and output.
 */
function interruptedExport(out: string, when: (stdout: string, pid: number) => boolean): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/export.ts', '--decks', decks, '--deck', 'en', '--format', 'pdf,handout', '--no-cache', '--out', out], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    let sent = false
    const check = () => {
      if (!sent && when(output, child.pid ?? 0)) {
        sent = true
        child.kill('SIGINT')
      }
    }
    child.stdout.on('data', (chunk: Buffer) => ((output += chunk.toString()), check()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const poll = setInterval(check, 50)
    child.once('error', reject)
    child.once('exit', (code) => {
      clearInterval(poll)
      if (!sent) reject(new Error(`the export ended before it could be interrupted:\n${output}`))
      else resolve({ code, output })
    })
  })
}

/** The export's staging folder inside `out` (scripts/export/stage-outputs.ts), while it exists. */
function stagingIn(out: string, pid: number): string[] {
  return existsSync(out) ? readdirSync(out).filter((name) => name.startsWith(`.briefdeck-export.${pid}.`)) : []
}

describe('Ctrl-C during an export', () => {
  it('before the first file is made: stops, leaves the old files and no staging folder', async () => {
    const out = path.join(tmp, 'out-early')
    await mkdir(out, { recursive: true })
    await writeFile(path.join(out, 'en.pdf'), 'old')
    const { code, output } = await interruptedExport(out, (stdout, child) => stagingIn(out, child).length > 0 && !/wrote/.test(stdout))
    expect(code, output).toBe(130)
    expect(output).not.toMatch(/wrote/)
    expect(await readdir(out)).toEqual(['en.pdf'])
    expect(await readFile(path.join(out, 'en.pdf'), 'utf8')).toBe('old')
  }, 600_000)

  it('after the first file is made: stops, leaves the old files and no staged file', async () => {
    const out = path.join(tmp, 'out-print')
    await mkdir(out, { recursive: true })
    await writeFile(path.join(out, 'en.pdf'), 'old')
    const { code, output } = await interruptedExport(out, (stdout) => /wrote .*en\.pdf/.test(stdout))
    expect(code, output).toBe(130)
    expect(await readdir(out)).toEqual(['en.pdf'])
    expect(await readFile(path.join(out, 'en.pdf'), 'utf8')).toBe('old')
  }, 600_000)
})
