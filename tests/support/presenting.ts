import type { Output } from '../../scripts/io/output.ts'

/** The line `npm start -- --lan` prints once the room serves (its addresses follow it). */
export const roomExposed = (line: string) => line.startsWith('Exposed')

/**
 * Runs `npm start`'s code in this process, as `main` or `runStart` runs it,
 * until `stop()`: `started` settles once it prints the line `ready` looks for
 * (the presenter view's address, or `roomExposed` for a room), and rejects
 * (with what it printed) if it exits first.
 */
export function presenting(
  run: (output: Output, stopped: Promise<void>) => Promise<number>,
  ready: (line: string) => boolean = (line) => line.includes('presenter view'),
) {
  const lines: string[] = []
  let serve: () => void = () => {}
  const serving = new Promise<void>((resolve) => (serve = resolve))
  const record = (line: string) => {
    lines.push(line)
    if (ready(line)) serve()
  }
  let stop: () => void = () => {}
  const stopped = new Promise<void>((resolve) => (stop = resolve))
  const exit = run({ out: record, err: record }, stopped)
  const started = Promise.race([serving, exit.then((code) => Promise.reject(new Error(`start exited ${code}: ${lines.join('\n')}`)))])
  // A refused start never serves: its rejection is the test's to read, not an unhandled one.
  started.catch(() => {})
  return { lines, exit, started, stop }
}
