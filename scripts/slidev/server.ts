import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import path from 'node:path'
import { PROJECT_ROOT } from '../project.ts'

/** Slidev's own CLI, run with this Node: no `npx` start-up, no global install. */
export const SLIDEV_BIN = path.join(PROJECT_ROOT, 'node_modules', '@slidev', 'cli', 'bin', 'slidev.mjs')

export interface SlidevServer {
  /** `http://localhost:PORT` (no trailing slash). */
  url: string
  port: number
  process: ChildProcess
  /** Everything the server printed, for error messages. */
  log: () => string
  stop: () => Promise<void>
}

export interface StartOptions {
  deck: string
  /** A free port is chosen when left out. */
  port?: number
  /** Extra Slidev CLI arguments. */
  args?: string[]
  /** Give up after this long without an answer. */
  timeoutMs?: number
  /** Stops a server that is still starting (Ctrl-C): the process is ended at once. */
  signal?: AbortSignal
}

/**
 * How long a Slidev that neither answers nor exits is waited for. It starts in
 * seconds, but on a loaded two-core machine it was seen to take over a minute;
 * one that fails exits, and that is noticed at once.
 */
const START_TIMEOUT_MS = 240_000

/**
 * Starts `slidev DECK` on localhost only (Slidev binds all interfaces only
 * with --remote, which we never pass) and resolves once it answers HTTP.
 */
export async function startSlidev(options: StartOptions): Promise<SlidevServer> {
  const port = options.port ?? (await freePort())
  const child = spawn(process.execPath, [SLIDEV_BIN, options.deck, '--port', String(port), ...(options.args ?? [])], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, BROWSER: 'none' },
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const server: SlidevServer = {
    url: `http://localhost:${port}`,
    port,
    process: child,
    log: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      await exited
    },
  }
  const abort = () => void server.stop()
  options.signal?.addEventListener('abort', abort, { once: true })
  try {
    if (options.signal?.aborted) abort()
    await waitForHttp(server.url, options.timeoutMs ?? START_TIMEOUT_MS, () => child.exitCode !== null || child.signalCode !== null)
  } catch (error) {
    options.signal?.removeEventListener('abort', abort)
    await server.stop()
    throw new Error(`Slidev did not start for ${options.deck}: ${(error as Error).message}\n${output}`)
  }
  options.signal?.removeEventListener('abort', abort)
  return server
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

async function waitForHttp(url: string, timeoutMs: number, gaveUp: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (gaveUp()) throw new Error('the server exited')
    try {
      const response = await fetch(url)
      if (response.ok) return
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`no answer from ${url} within ${timeoutMs} ms`)
}
