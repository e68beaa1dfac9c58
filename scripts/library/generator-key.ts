import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { PROJECT_ROOT } from '../project.ts'

let memo: string | undefined

/**
 * A key over the code that turns a brief into decks: every source file of
 * scripts/ (tests aside) and the lockfile (the parsers it uses). Any change
 * to them may change the decks, so every brief counts as changed. Broader
 * than the pipeline's own imports on purpose: a missed input would leave
 * stale decks, an extra one only costs a rebuild.
 */
export function generatorKey(): string {
  if (memo) return memo
  const hash = createHash('sha256')
  for (const file of generatorFiles()) {
    hash.update(path.relative(PROJECT_ROOT, file)).update('\0').update(readFileSync(file)).update('\0')
  }
  memo = hash.digest('hex')
  return memo
}

/** The files of the generator key, in a stable order. */
export function generatorFiles(): string[] {
  const files: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (/\.(ts|mjs)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) files.push(full)
    }
  }
  walk(path.join(PROJECT_ROOT, 'scripts'))
  files.push(path.join(PROJECT_ROOT, 'package-lock.json'))
  return files.sort()
}
