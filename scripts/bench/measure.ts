import { spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { PROJECT_ROOT } from '../project.ts'

export interface Sample {
  wallMs: number
  cpuMs: number
  /** Highest sum of the resident memory of the whole process tree, in MiB. */
  peakMiB: number
}

export interface Run {
  command: string
  args: string[]
  env?: NodeJS.ProcessEnv
  /**
   * For servers: resolves once the server is ready; the clock stops then and
   * the process tree is stopped. Without it, the clock runs until exit.
   */
  ready?: (signal: AbortSignal) => Promise<void>
}

const MEASURED = path.join(PROJECT_ROOT, 'scripts', 'bench', 'measured.mjs')
const PAGE_KIB = 4

/** Runs one command and measures wall time, CPU time and the tree's peak memory. */
export async function measure(run: Run): Promise<Sample> {
  const started = performance.now()
  const child = spawn(process.execPath, [MEASURED, run.command, ...run.args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...run.env },
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  let report = ''
  ;(child.stdio[3] as NodeJS.ReadableStream).on('data', (chunk: Buffer) => (report += chunk.toString()))
  let peakKiB = 0
  const poll = setInterval(() => (peakKiB = Math.max(peakKiB, treeRssKiB(child.pid ?? 0))), 25)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  let wallMs: number
  try {
    if (run.ready) {
      const abort = new AbortController()
      await Promise.race([
        run.ready(abort.signal),
        exited.then(() => {
          throw new Error(`${run.command} exited before it was ready:\n${stderr}`)
        }),
      ]).finally(() => abort.abort())
      wallMs = performance.now() - started
      child.kill('SIGTERM')
    }
    await exited
    wallMs ??= performance.now() - started
  } finally {
    clearInterval(poll)
  }
  const { cpuMs, code } = JSON.parse(report.trim() || '{"cpuMs":0,"code":1}') as { cpuMs: number; code: number }
  if (!run.ready && code !== 0) throw new Error(`${run.command} ${run.args.join(' ')} failed (${code}):\n${stderr}`)
  return { wallMs, cpuMs, peakMiB: peakKiB / 1024 }
}

/** Resident memory of a process and all its descendants, from /proc. */
function treeRssKiB(root: number): number {
  const children = new Map<number, number[]>()
  const rss = new Map<number, number>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      const pid = Number(entry)
      const parent = Number(fields[1])
      children.set(parent, [...(children.get(parent) ?? []), pid])
      rss.set(pid, Number(fields[21]) * PAGE_KIB)
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0
  const queue = [root]
  while (queue.length > 0) {
    const pid = queue.pop()!
    total += rss.get(pid) ?? 0
    queue.push(...(children.get(pid) ?? []))
  }
  return total
}
