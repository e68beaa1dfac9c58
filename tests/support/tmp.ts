import { mkdir, mkdtemp } from 'node:fs/promises'
import path from 'node:path'
import { PROJECT_ROOT } from '../../scripts/project.ts'

/** A fresh folder inside the project (decks must live inside it to find its components). */
export async function projectTempDir(prefix: string): Promise<string> {
  const base = path.join(PROJECT_ROOT, 'tests', '.tmp')
  await mkdir(base, { recursive: true })
  return mkdtemp(path.join(base, `${prefix}-`))
}
