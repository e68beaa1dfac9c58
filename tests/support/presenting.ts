import type { Output } from '../../scripts/io/output.ts'

/**
 * Runs `npm start`'s code in this process, as `main` or `runStart` runs it,
 * until `stop()`: `started` settles once it prints the presenter view's
 * address, and rejects (with what it printed) if it exits first.
 */
export function presenting(run: (output: Output, stopped: Promise<void>) => Promise<number>) {
  const lines: string[] = []
  let ready: () => void = () => {}
  const serving = new Promise<void>((resolve) => (ready = resolve))
  const record = (line: string) => {
    lines.push(line)
    if (line.includes('presenter view')) ready()
  }
  let stop: () => void = () => {}
  const stopped = new Promise<void>((resolve) => (stop = resolve))
  const exit = run({ out: record, err: record }, stopped)
  const started = Promise.race([serving, exit.then((code) => Promise.reject(new Error(`start exited ${code}: ${lines.join('\n')}`)))])
  // A refused start never serves: its rejection is the test's to read, not an unhandled one.
  started.catch(() => {})
  return { lines, exit, started, stop }
}
