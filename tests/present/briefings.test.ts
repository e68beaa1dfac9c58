import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../../scripts/cli/run-cli.ts'
import { START_USAGE } from '../../scripts/cli/start-usage.ts'
import { parseStartArgs, runStart } from '../../scripts/cli/start.ts'
import { freePort } from '../../scripts/slidev/server.ts'
import { presenting } from '../support/presenting.ts'
import { taggedBrief } from '../support/tagged-brief.ts'
import { PROJECT_ROOT, type Desk } from '../../scripts/project.ts'
import { deskTempDir } from '../support/tmp.ts'


/** A desk of its own with briefs `alpha` and `beta` (each bullet tagged with its name). */
const desks: string[] = []
afterAll(async () => {
  for (const root of desks) await rm(root, { recursive: true, force: true })
})

async function twoBriefDesk(): Promise<Desk> {
  // .tmp/desk-X/slides/NAME/, three folders below the project as slides/NAME/ is two: decks served
  // from four folders down (tests/.tmp/X/slides/NAME) never finished loading here (UnoCSS updated
  // its styles over and over), for reasons not found.
  const root = await deskTempDir('desk')
  desks.push(root)
  const desk = { content: path.join(root, 'content'), slides: path.join(root, 'slides') }
  await mkdir(desk.content)
  await writeFile(path.join(desk.content, 'alpha.txt'), taggedBrief('Alpha'))
  await writeFile(path.join(desk.content, 'beta.txt'), taggedBrief('Beta'))
  return desk
}

/** `npm start ARGS` on `desk`, until `stop()`; `started` settles once it prints its addresses. */
function start(args: string[], desk: Desk) {
  // As `main` runs it, on this desk.
  return presenting((output, stopped) =>
    runCli(() => {
      const options = parseStartArgs(args)
      return options === 'help' ? options : { ...options, desk }
    }, START_USAGE, (options) => runStart(options, stopped, output), output),
  )
}

async function filesOnDisk(dir: string): Promise<Record<string, string>> {
  const found: Record<string, string> = {}
  for (const name of await readdir(dir)) {
    const info = await stat(path.join(dir, name))
    found[name] = `ino ${info.ino} mtime ${info.mtimeMs}`
  }
  return found
}

describe('npm start with several briefings', () => {
  it('refuses to guess when none is named: one line lists them, exit 2', async () => {
    const desk = await twoBriefDesk()
    const run = start(['--port', String(await freePort())], desk)
    expect(await run.exit).toBe(2)
    expect(run.lines).toEqual(['content/ holds 2 briefings: name the one to use, as in `npm start alpha`; they are alpha, beta.'])
  })

  it('refuses a name content/ does not hold, naming those it does', async () => {
    const desk = await twoBriefDesk()
    const run = start(['gamma', '--port', String(await freePort())], desk)
    expect(await run.exit).toBe(2)
    expect(run.lines).toEqual(['No briefing "gamma" (no content/gamma.txt): the briefings are alpha, beta.'])
  })

  it('presents two briefings at once on two ports, each its own; saving one brief changes only its presentation', async () => {
    const desk = await twoBriefDesk()
    const [alphaPort, betaPort] = [await freePort(), await freePort()]
    const alpha = start(['alpha', '--deck', 'en', '--port', String(alphaPort)], desk)
    // One after the other: two Slidev servers starting at once race on node_modules/.slidev.
    await alpha.started
    const beta = start(['beta', '--deck', 'en', '--port', String(betaPort)], desk)
    try {
      await beta.started
      expect(alpha.lines.join('\n')).toContain(path.join('slides', 'alpha', 'en.md'))
      expect(beta.lines.join('\n')).toContain(path.join('slides', 'beta', 'en.md'))
      // What each server gives its views for slide 3 (its text and notes), on the loopback address.
      const slide = async (port: number) => {
        const response = await fetch(`http://127.0.0.1:${port}/__slidev/slides/3.json`)
        expect(response.status).toBe(200)
        return response.text()
      }
      expect(await slide(alphaPort)).toContain('Alpha point alpha explained')
      expect(await slide(betaPort)).toContain('Beta point alpha explained')
      expect(await slide(alphaPort)).not.toContain('Beta')
      const alphaDecks = await filesOnDisk(path.join(desk.slides, 'alpha'))
      const alphaSlide = await slide(alphaPort)

      await writeFile(path.join(desk.content, 'beta.txt'), taggedBrief('Beta').replace('Beta point alpha explained', 'Beta point alpha, saved while both run'))
      await expect.poll(() => slide(betaPort), { timeout: 20_000 }).toContain('Beta point alpha, saved while both run')
      expect(await slide(alphaPort)).toBe(alphaSlide)
      expect(await filesOnDisk(path.join(desk.slides, 'alpha'))).toEqual(alphaDecks)
      expect(beta.lines.join('\n')).toMatch(/rebuilt/)
      // Then alpha's own brief is saved, changed: once alpha has rebuilt for that, any rebuild beta's
      // save had started there is over too (both heard it at once, long before beta's slide changed;
      // one presentation rebuilds one save at a time). Only the one for alpha's own save is there.
      const mark = alpha.lines.length
      // Saved in one step (written aside, renamed over), so that the save is one event, one rebuild.
      const aside = path.join(desk.content, 'alpha.txt.saving')
      await writeFile(aside, taggedBrief('Alpha').replace('Alpha point alpha explained', 'Alpha point alpha, saved last'))
      await rename(aside, path.join(desk.content, 'alpha.txt'))
      await expect.poll(() => alpha.lines.slice(mark).join('\n'), { timeout: 20_000 }).toMatch(/wrote[^]*rebuilt/)
      expect(alpha.lines.filter((line) => /rebuilt/.test(line))).toHaveLength(1)
    } finally {
      alpha.stop()
      beta.stop()
      expect(await alpha.exit).toBe(0)
      expect(await beta.exit).toBe(0)
    }
  }, 600_000)
})
