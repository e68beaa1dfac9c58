import { rmSync } from 'node:fs'

const cleanups = new Set<() => void>()
let installed = false

/**
 * Ctrl-C (SIGINT) or SIGTERM while a command has work under way: run each
 * registered clean-up (stop child processes, remove half-made files) so that
 * the user finds the old outputs or the new ones, never debris; then exit as
 * a signalled process does (128 + n). Returns a function that unregisters it.
 */
export function onInterrupt(cleanup: () => void): () => void {
  if (!installed) {
    installed = true
    for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
      process.on(signal, () => {
        // Children first (they may still be writing), then the files.
        for (const run of [...cleanups].reverse()) {
          try {
            run()
          } catch {
            // Clean up the rest regardless.
          }
        }
        process.exit(code)
      })
    }
  }
  cleanups.add(cleanup)
  return () => cleanups.delete(cleanup)
}

/** Removes `target` (a staging file or folder) if the command is interrupted before it is released. */
export function removeOnInterrupt(target: string): () => void {
  return onInterrupt(() => rmSync(target, { recursive: true, force: true }))
}
