import { existsSync } from 'node:fs'
import { link, mkdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

/**
 * Writes several files into one folder so that either all of them change or
 * none does: each is first written beside its target under a temporary name,
 * then renamed over it (a rename within a folder is atomic). Should a rename
 * fail part-way, the files already replaced get their old contents back (kept
 * as hard links until every rename has gone through).
 */
export async function writeFilesTogether(dir: string, files: Record<string, string>): Promise<void> {
  await mkdir(dir, { recursive: true })
  const staged = Object.keys(files).map((name) => ({
    target: path.join(dir, name),
    temp: path.join(dir, `.${name}.${process.pid}.tmp`),
    backup: path.join(dir, `.${name}.${process.pid}.old`),
  }))
  const cleanUp = (which: 'temp' | 'backup') => Promise.all(staged.map((file) => rm(file[which], { force: true })))
  try {
    for (const [index, text] of Object.values(files).entries()) await writeFile(staged[index]!.temp, text, 'utf8')
    for (const { target, backup } of staged) if (existsSync(target)) await link(target, backup)
  } catch (error) {
    await Promise.all([cleanUp('temp'), cleanUp('backup')])
    throw error
  }
  const replaced: (typeof staged)[number][] = []
  try {
    for (const file of staged) {
      await rename(file.temp, file.target)
      replaced.push(file)
    }
  } catch (error) {
    for (const { target, backup } of replaced.reverse()) {
      if (existsSync(backup)) await rename(backup, target)
      else await rm(target, { force: true })
    }
    await cleanUp('temp')
    throw error
  } finally {
    await cleanUp('backup')
  }
}
