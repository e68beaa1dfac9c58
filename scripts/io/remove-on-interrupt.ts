import { rmSync } from 'node:fs'

const pending = new Set<string>()
let installed = false

/**
 * Ctrl-C (SIGINT) or SIGTERM while a command has half-made files in a
 * staging place: remove them, so that the user finds the old outputs or the
 * new ones, never debris; then exit as a signalled process does (128 + n).
 * Returns a function that forgets `target` once it is no longer half made.
 */
export function removeOnInterrupt(target: string): () => void {
  if (!installed) {
    installed = true
    for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
      process.on(signal, () => {
        for (const path of pending) rmSync(path, { recursive: true, force: true })
        process.exit(code)
      })
    }
  }
  pending.add(target)
  return () => pending.delete(target)
}
