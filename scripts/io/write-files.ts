import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

/**
 * Writes several files into one folder so that either all of them change or
 * none does: each is first written beside its target under a temporary name,
 * then renamed over it (a rename within a folder is atomic). Should a rename
 * fail part-way, the files already replaced get their old contents back, the
 * same way. (The old contents are kept in memory, not as extra links to the
 * old files: a watcher such as Slidev's must see each file simply replaced.)
 */
export async function writeFilesTogether(dir: string, files: Record<string, string>): Promise<void> {
  await mkdir(dir, { recursive: true })
  const staged = Object.keys(files).map((name) => ({
    target: path.join(dir, name),
    temp: path.join(dir, `.${name}.${process.pid}.tmp`),
  }))
  const removeTemps = () => Promise.all(staged.map(({ temp }) => rm(temp, { force: true })))
  let previous: (Buffer | undefined)[]
  try {
    for (const [index, text] of Object.values(files).entries()) await writeFile(staged[index]!.temp, text, 'utf8')
    previous = await Promise.all(staged.map(({ target }) => readFile(target).catch(() => undefined)))
  } catch (error) {
    await removeTemps()
    throw error
  }
  let replaced = 0
  try {
    for (const { temp, target } of staged) {
      await rename(temp, target)
      replaced++
    }
  } catch (error) {
    for (const [index, { temp, target }] of staged.slice(0, replaced).entries()) {
      const old = previous[index]
      if (old === undefined) await rm(target, { force: true })
      else await writeFile(temp, old).then(() => rename(temp, target))
    }
    await removeTemps()
    throw error
  }
}
