import { mkdir, mkdtemp } from 'node:fs/promises'
import path from 'node:path'
import { PROJECT_ROOT } from '../../scripts/project.ts'

/** A fresh folder inside the project (decks must live inside it to find its components). */
export async function projectTempDir(prefix: string): Promise<string> {
  const base = path.join(PROJECT_ROOT, 'tests', '.tmp')
  await mkdir(base, { recursive: true })
  return mkdtemp(path.join(base, `${prefix}-`))
}

/**
 * A fresh folder in the project's `.tmp/` (a desk of briefings: decks four folders deep
 * never finished loading in Slidev, so desks sit one level down). A fresh clone has no
 * `.tmp/` yet.
 */
export async function deskTempDir(prefix: string): Promise<string> {
  const base = path.join(PROJECT_ROOT, '.tmp')
  await mkdir(base, { recursive: true })
  return mkdtemp(path.join(base, `${prefix}-`))
}
