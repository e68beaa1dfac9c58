import { existsSync, renameSync, rmSync } from 'node:fs'
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { onInterrupt } from '../io/remove-on-interrupt.ts'

/** Marks a folder as a site this tool built, so rebuilding may replace it and nothing else. */
export const SITE_MARKER = '.briefdeck-site'

/** A site that cannot be built or joined; its message is for the user. */
export class SiteError extends Error {}

/** Only an absent or empty folder, or one this tool built, may be replaced. */
export async function assertReplaceable(out: string): Promise<void> {
  if (!existsSync(out)) return
  const entries = await readdir(out)
  if (entries.length > 0 && !entries.includes(SITE_MARKER)) {
    throw new SiteError(`${out} holds files that \`npm run site\` did not build; choose another --out or empty it.`)
  }
}

/**
 * Has `fill` write the new site into a staging folder beside `out`, marks it,
 * and swaps it in for `out` only when all of it is there.
 */
export async function replaceSite(out: string, fill: (staging: string) => Promise<void>): Promise<void> {
  await assertReplaceable(out)
  const staging = `${out}.${process.pid}.tmp`
  const old = `${out}.${process.pid}.old`
  const release = onInterrupt(() => settleInterrupted(out, staging, old))
  try {
    await rm(staging, { recursive: true, force: true })
    await mkdir(staging, { recursive: true })
    await fill(staging)
    await writeFile(path.join(staging, SITE_MARKER), 'Built by `npm run site`; rebuilding replaces this folder.\n')
    if (existsSync(out)) await rename(out, old)
    await rename(staging, out)
    await rm(old, { recursive: true, force: true })
  } finally {
    await rm(staging, { recursive: true, force: true })
    release()
  }
}

/**
 * Ctrl-C at any point of the swap leaves the old site or the whole new one,
 * and nothing beside it: between the two renames the old site goes back;
 * after them, what is left of it goes.
 */
function settleInterrupted(out: string, staging: string, old: string): void {
  if (!existsSync(out) && existsSync(old)) renameSync(old, out)
  // The removal of `old` may be under way too: retry while both remove files.
  rmSync(old, { recursive: true, force: true, maxRetries: 5 })
  rmSync(staging, { recursive: true, force: true, maxRetries: 5 })
}
