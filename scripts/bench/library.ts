import { execFile } from 'node:child_process'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { PROJECT_ROOT } from '../project.ts'
import { measure, type Sample } from './measure.ts'
import { syntheticBrief } from './synthetic.ts'

const run = promisify(execFile)
const RUNNER = path.join(PROJECT_ROOT, 'scripts', 'bench', 'run-library.mjs')

export interface LibraryFigures {
  briefs: number
  /** Every brief built (the first build). */
  first: Sample
  /** Nothing changed. */
  unchanged: Sample[]
  /** One brief changed each time; how many were built each time. */
  oneChanged: Sample[]
  builtWhenOneChanged: number[]
}

/** A desk of `count` synthetic briefs (5 sections of 4 points each), each a little different. */
async function makeDesk(root: string, count: number): Promise<{ content: string }> {
  const content = path.join(root, 'content')
  await rm(root, { recursive: true, force: true })
  await mkdir(content, { recursive: true })
  for (let i = 1; i <= count; i++) await writeFile(path.join(content, `brief-${i}.txt`), syntheticBrief(5, 4).replace('synthetic brief', `synthetic brief number ${i}`))
  return { content }
}

/** `npm run build` (as `node scripts/bin/build.mjs` runs it) on a library of `count` briefs. */
export async function measureLibrary(scratch: string, count: number, runs: number): Promise<LibraryFigures> {
  const root = path.join(scratch, `library-${count}`)
  const { content } = await makeDesk(root, count)
  const build = { command: process.execPath, args: [RUNNER, root] }
  const first = await measure(build)
  const unchanged: Sample[] = []
  for (let i = 0; i < runs; i++) unchanged.push(await measure(build))
  const oneChanged: Sample[] = []
  const builtWhenOneChanged: number[] = []
  for (let i = 0; i < runs; i++) {
    const changed = path.join(content, `brief-${1 + (i % count)}.txt`)
    await writeFile(changed, syntheticBrief(5, 4).replace('synthetic brief', `synthetic brief changed ${Date.now()}`))
    oneChanged.push(await measure(build))
    // measure() keeps no output: one more change, built again, says (in its summary line) how many it built.
    await writeFile(changed, syntheticBrief(5, 4).replace('synthetic brief', `synthetic brief changed again ${Date.now()}`))
    const { stdout } = await run(process.execPath, [RUNNER, root])
    builtWhenOneChanged.push((/built ([^;.]*)/.exec(stdout)?.[1] ?? '').split(', ').filter((name) => name && name !== 'none').length)
  }
  return { briefs: count, first, unchanged, oneChanged, builtWhenOneChanged }
}
