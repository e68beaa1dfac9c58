/**
 * Ctrl-C during `npm run site`, as a user presses it: the real npm entry in a
 * process group of its own, SIGINT to the whole group. The user must find the
 * old site or the whole new one, and no half-made folder beside it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BUILD_CACHE } from '../../scripts/builds/static-builds.ts'
import { VARIANTS } from '../../scripts/deck/variant.ts'
import { PROJECT_ROOT } from '../../scripts/project.ts'
import { SITE_MARKER } from '../../scripts/site/build-site.ts'
import { runBuildCli } from '../support/build.ts'
import { runCommand } from '../support/process.ts'
import { projectTempDir } from '../support/tmp.ts'

/** A file only the old site has: if it is there, the old site is. */
const OLD_FILE = 'old-site.txt'

let tmp: string
let decks: string
/** A whole site, built once: the new site the tests expect, and a big old one to replace. */
let builtSite: string

beforeAll(async () => {
  tmp = await projectTempDir('site-interrupt')
  decks = path.join(tmp, 'decks')
  const built = await runBuildCli(['--out', decks])
  if (built.code !== 0) throw new Error(built.stderr)
  // This also builds the decks (or finds them built), so later runs go straight to assembling the site.
  builtSite = path.join(tmp, 'built-site')
  const site = runCommand('npm', ['run', 'site', '--', '--decks', decks, '--out', builtSite], { cwd: PROJECT_ROOT })
  const { code } = await site.exited
  if (code !== 0) throw new Error(site.output())
}, 400_000)

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true })
})

/**
 * A site an earlier `npm run site` left: its marker (so it may be replaced)
 * and a file of its own; `whole`, with every deck (some 40 MB: removing it
 * takes a while).
 */
async function oldSite(out: string, whole = false): Promise<void> {
  if (whole) await cp(builtSite, out, { recursive: true })
  await mkdir(out, { recursive: true })
  await writeFile(path.join(out, SITE_MARKER), 'old\n')
  await writeFile(path.join(out, OLD_FILE), 'old\n')
}

/** The old site, untouched, or the whole new one. */
async function expectOldOrNew(out: string, output: string): Promise<void> {
  const entries = await readdir(out)
  if (entries.includes(OLD_FILE)) {
    expect(await readFile(path.join(out, SITE_MARKER), 'utf8'), output).toBe('old\n')
    return
  }
  // With --decks DIR the briefing is named after the folder: its decks are at DIR-NAME/VARIANT/.
  const briefing = path.basename(decks)
  for (const file of ['index.html', SITE_MARKER, ...VARIANTS.map((variant) => `${briefing}/${variant}/index.html`)]) {
    expect(existsSync(path.join(out, file)), `${file}\n${output}`).toBe(true)
  }
}

/** Whatever stands beside `out` with its name and more: staging (`out.PID.tmp`) or set-aside (`out.PID.old`) folders. */
function debrisBeside(out: string): string[] {
  const name = path.basename(out)
  return readdirSync(path.dirname(out)).filter((entry) => entry !== name && entry.startsWith(`${name}.`))
}

/** The build staging folders (`.staging.PID.ID`) of processes in process group `group`: this run's, not another command's. */
function stagingBuilds(group: number): string[] {
  if (!existsSync(BUILD_CACHE)) return []
  return readdirSync(BUILD_CACHE).filter((entry) => {
    const pid = /^\.staging\.(\d+)\./.exec(entry)?.[1]
    return pid !== undefined && processGroup(Number(pid)) === group
  })
}

/** A live process's group (field 5 of /proc/PID/stat, after the parenthesised name), or undefined. */
function processGroup(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2])
  } catch {
    return undefined
  }
}

/**
 * Runs `npm run site` and presses Ctrl-C once `when` holds (checked every few
 * milliseconds; given the command's process group).
 */
async function interruptedSite(out: string, args: string[], when: (group: number) => boolean): Promise<string> {
  const site = runCommand('npm', ['run', 'site', '--', '--decks', decks, '--out', out, ...args], { cwd: PROJECT_ROOT })
  let pressed = false
  const poll = setInterval(() => {
    if (!pressed && when(site.child.pid ?? 0)) {
      pressed = true
      site.interrupt()
    }
  }, 5)
  try {
    const ended = await Promise.race([site.exited, new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), 300_000))])
    expect(ended, `still running:\n${site.output()}`).not.toBe('late')
    expect(pressed, `the site was built before it could be interrupted:\n${site.output()}`).toBe(true)
    expect(site.output()).not.toMatch(/\n\s+at /)
    return site.output()
  } finally {
    clearInterval(poll)
    site.kill()
  }
}

describe('Ctrl-C during npm run site', () => {
  it('while the decks build: stops, leaving the old site as it was and nothing beside it', async () => {
    const out = path.join(tmp, 'dist-build')
    await oldSite(out)
    let staged: string[] = []
    const output = await interruptedSite(out, ['--deck', 'en', '--no-cache'], (group) => (staged = stagingBuilds(group)).length > 0)
    expect((await readdir(out)).sort(), output).toEqual([SITE_MARKER, OLD_FILE].sort())
    expect(await readFile(path.join(out, OLD_FILE), 'utf8')).toBe('old\n')
    expect(debrisBeside(out)).toEqual([])
    expect(staged.filter((entry) => existsSync(path.join(BUILD_CACHE, entry)))).toEqual([])
  }, 400_000)

  it('while the new site is put together: leaves the old site or the whole new one, and nothing beside it', async () => {
    const out = path.join(tmp, 'dist-copy')
    await oldSite(out)
    const output = await interruptedSite(out, [], () => debrisBeside(out).some((entry) => entry.endsWith('.tmp')))
    await expectOldOrNew(out, output)
    expect(debrisBeside(out)).toEqual([])
  }, 400_000)

  it('while the old site is set aside and removed: leaves the old site or the whole new one, and nothing beside it', async () => {
    const out = path.join(tmp, 'dist-swap')
    await oldSite(out, true)
    const output = await interruptedSite(out, [], () => debrisBeside(out).some((entry) => entry.endsWith('.old')))
    await expectOldOrNew(out, output)
    expect(debrisBeside(out)).toEqual([])
  }, 400_000)
})
