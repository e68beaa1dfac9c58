import { randomUUID } from 'node:crypto'
import { mkdir, readdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { removeOnInterrupt } from '../io/remove-on-interrupt.ts'

export interface StagedOutputs {
  /** Where to write the files: a hidden folder inside `out` (same disk, so moving them is a rename). */
  path: string
  /** Moves every staged file over its target in `out`. */
  commit: () => Promise<void>
  /** Removes the staging folder and anything left in it (after a commit, it is empty). */
  discard: () => Promise<void>
}

/**
 * A run's outputs are made aside and moved into `out` only once all of them
 * exist, so that a failure or Ctrl-C in the middle leaves the previous files
 * as they were, not a mix of old and new, and no half-written file.
 */
export async function stageOutputs(out: string): Promise<StagedOutputs> {
  const staging = path.join(out, `.briefdeck-export.${process.pid}.${randomUUID().slice(0, 8)}.tmp`)
  await mkdir(staging, { recursive: true })
  const release = removeOnInterrupt(staging)
  return {
    path: staging,
    commit: async () => {
      for (const name of await readdir(staging)) await rename(path.join(staging, name), path.join(out, name))
    },
    discard: async () => {
      await rm(staging, { recursive: true, force: true })
      release()
    },
  }
}
