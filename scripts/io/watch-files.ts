import { watch, type FSWatcher } from 'node:fs'
import path from 'node:path'

/** Editors save in bursts (truncate, write, rename): one change per burst is enough. */
const SETTLE_MS = 40

/**
 * Calls `onChange` after any of `files` is saved, once per burst of saves,
 * never twice at a time. Watches the files' folders, not the files: an editor
 * that saves by renaming a new file over the old one would end a file watch.
 * Returns a function that stops watching.
 */
export function watchFiles(files: string[], onChange: () => Promise<void>): () => void {
  const names = new Map<string, Set<string>>()
  for (const file of files) {
    const dir = path.dirname(path.resolve(file))
    names.set(dir, (names.get(dir) ?? new Set()).add(path.basename(file)))
  }
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined
  let again = false
  const run = () => {
    if (running) {
      again = true
      return
    }
    running = onChange().finally(() => {
      running = undefined
      if (again) {
        again = false
        run()
      }
    })
  }
  const watchers: FSWatcher[] = [...names].map(([dir, watched]) =>
    watch(dir, (_event, name) => {
      if (!name || !watched.has(name.toString())) return
      clearTimeout(timer)
      timer = setTimeout(run, SETTLE_MS)
    }),
  )
  return () => {
    clearTimeout(timer)
    for (const watcher of watchers) watcher.close()
  }
}
