import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { CONTENT_DIR } from '../project.ts'
import { isBriefName } from './names.ts'

/** One brief of the desk: `content/NAME.txt`. */
export interface Briefing {
  name: string
  /** The brief's absolute path. */
  brief: string
}

export interface Library {
  /** In the order of their names. */
  briefings: Briefing[]
  /** Briefs whose file name cannot name a briefing (see names.ts), as absolute paths. */
  misnamed: string[]
}

/** Every brief in `dir` (content/ by default): each `NAME.txt` file. */
export async function readLibrary(dir = CONTENT_DIR): Promise<Library> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return []
    throw error
  })
  const briefs = entries.filter((entry) => entry.isFile() && entry.name.endsWith('.txt')).map((entry) => entry.name)
  const library: Library = { briefings: [], misnamed: [] }
  for (const file of briefs.sort()) {
    const name = file.slice(0, -'.txt'.length)
    if (isBriefName(name)) library.briefings.push({ name, brief: path.join(dir, file) })
    else library.misnamed.push(path.join(dir, file))
  }
  return library
}

/** The briefing a brief file is, when it lies in content/ under a good name. */
export function briefingOf(brief: string, dir = CONTENT_DIR): Briefing | undefined {
  const { dir: folder, name, ext } = path.parse(path.resolve(brief))
  return folder === path.resolve(dir) && ext === '.txt' && isBriefName(name) ? { name, brief: path.resolve(brief) } : undefined
}
