/**
 * `npm run test:repeat -- FILE… [--times N] [--bail]`: runs each test file N
 * times (default 5), each run a fresh `vitest run FILE` as `npm test` would
 * start it, and reports per file the runs, passes and time. Exit code 1 if any
 * run failed. A failed run's output is kept in .tmp/repeat/ and its end shown.
 * `--bail` stops at the first failure. Made for finding flaky tests: run it
 * on a busy machine too.
 */
import { spawn } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { PROJECT_ROOT } from '../../scripts/project.ts'

const VITEST = path.join(PROJECT_ROOT, 'node_modules', 'vitest', 'vitest.mjs')
const LOGS = path.join(PROJECT_ROOT, '.tmp', 'repeat')

interface Tally {
  runs: number
  passes: number
  seconds: number[]
}

function runOnce(file: string): Promise<{ passed: boolean; seconds: number; output: string }> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [VITEST, 'run', file], { cwd: PROJECT_ROOT, env: { ...process.env, FORCE_COLOR: '0' } })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('error', reject)
    child.once('close', (code) => resolve({ passed: code === 0, seconds: (performance.now() - started) / 1000, output }))
  })
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals: files } = parseArgs({
    args: argv,
    options: { times: { type: 'string', default: '5' }, bail: { type: 'boolean', default: false } },
    allowPositionals: true,
  })
  const times = Number(values.times)
  if (files.length === 0 || !Number.isInteger(times) || times < 1) {
    console.error('Usage: npm run test:repeat -- FILE… [--times N] [--bail]')
    return 2
  }
  await mkdir(LOGS, { recursive: true })
  const tallies = new Map<string, Tally>(files.map((file) => [file, { runs: 0, passes: 0, seconds: [] }]))
  let failed = false
  rounds: for (let round = 1; round <= times; round++) {
    for (const file of files) {
      const tally = tallies.get(file)!
      const { passed, seconds, output } = await runOnce(file)
      tally.runs++
      tally.seconds.push(seconds)
      if (passed) tally.passes++
      console.log(`${file} run ${round}/${times}: ${passed ? 'passed' : 'FAILED'} in ${seconds.toFixed(1)} s`)
      if (!passed) {
        failed = true
        const log = path.join(LOGS, `${file.replace(/[^A-Za-z0-9.-]+/g, '_')}-${round}.log`)
        await writeFile(log, output)
        console.log(`${output.trimEnd().split('\n').slice(-40).join('\n')}\n(all of it in ${path.relative(PROJECT_ROOT, log)})`)
        if (values.bail) break rounds
      }
    }
  }
  console.log('\nfile | runs | passed | mean s | max s')
  for (const [file, { runs, passes, seconds }] of tallies) {
    const mean = seconds.reduce((a, b) => a + b, 0) / Math.max(1, seconds.length)
    console.log(`${file} | ${runs} | ${passes} | ${mean.toFixed(1)} | ${Math.max(0, ...seconds).toFixed(1)}`)
  }
  return failed ? 1 : 0
}

process.exitCode = await main(process.argv.slice(2))
