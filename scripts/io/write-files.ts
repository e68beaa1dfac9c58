import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

/**
 * Writes several files into one folder so that either all of them change or
 * none does: each is first written beside its target under a temporary name,
 * then renamed over it (a rename within a folder is atomic).
 */
export async function writeFilesTogether(dir: string, files: Record<string, string>): Promise<void> {
  await mkdir(dir, { recursive: true })
  const staged: { temp: string; target: string }[] = []
  try {
    for (const [name, text] of Object.entries(files)) {
      const target = path.join(dir, name)
      const temp = path.join(dir, `.${name}.${process.pid}.tmp`)
      staged.push({ temp, target })
      await writeFile(temp, text, 'utf8')
    }
  } catch (error) {
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })))
    throw error
  }
  for (const { temp, target } of staged) await rename(temp, target)
}
