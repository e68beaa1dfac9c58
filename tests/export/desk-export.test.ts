import { mkdir, readdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseExportArgs, runExport, type ExportOptions } from '../../scripts/cli/export.ts'
import { runCli } from '../../scripts/cli/run-cli.ts'
import { EXPORT_USAGE } from '../../scripts/cli/export-usage.ts'
import { PROJECT_ROOT, type Desk } from '../../scripts/project.ts'
import { taggedBrief } from '../support/tagged-brief.ts'
import { readPptx } from './read-pptx.ts'
import { deskTempDir } from '../support/tmp.ts'

let root: string
let desk: Desk

beforeAll(async () => {
  // Decks two folders below a desk, as slides/NAME/ is below the project (see tests/present/briefings.test.ts).
  root = await deskTempDir('desk')
  desk = { content: path.join(root, 'content'), slides: path.join(root, 'slides') }
  await mkdir(desk.content)
  await writeFile(path.join(desk.content, 'alpha.txt'), taggedBrief('Alpha'))
  await writeFile(path.join(desk.content, 'beta.txt'), taggedBrief('Beta'))
})

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true })
})

/** `npm run export NAMES… --deck en --format pptx` on the test's desk. */
async function exportNamed(names: string[]) {
  const lines: string[] = []
  const output = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) }
  const options: ExportOptions = { decks: ['en'], formats: ['pptx'], out: path.join(root, 'exports'), source: { names, desk }, noCache: false }
  const code = await runCli(() => options, EXPORT_USAGE, (chosen) => runExport(chosen, output), output)
  return { code, lines }
}

describe('npm run export with several briefings', () => {
  it('refuses to guess which when none is named: one line lists them, exit 2', async () => {
    expect(await exportNamed([])).toEqual({ code: 2, lines: ['content/ holds 2 briefings: name the one to use, as in `npm run export alpha`; they are alpha, beta.'] })
  })

  it('exports the one named from its own brief, into a folder of its name', async () => {
    const { code, lines } = await exportNamed(['beta'])
    expect(code, lines.join('\n')).toBe(0)
    expect(await readdir(path.join(root, 'exports'))).toEqual(['beta'])
    expect(await readdir(path.join(root, 'exports', 'beta'))).toEqual(['beta-en.pptx'])
    const notes = (await readPptx(path.join(root, 'exports', 'beta', 'beta-en.pptx'))).notes.join('\n')
    expect(notes).toContain('Beta point gamma explained')
    expect(notes).not.toContain('Alpha')
  }, 300_000)

  it('without --out, exports into exports/NAME/ of the project', async () => {
    // A briefing of a name no one else uses, so the project's own exports/ stays as it was.
    const name = `test-${path.basename(root).toLowerCase().replace(/[^a-z0-9-]/g, '')}`
    await writeFile(path.join(desk.content, `${name}.txt`), taggedBrief('Gamma'))
    const folder = path.join(PROJECT_ROOT, 'exports', name)
    try {
      const parsed = parseExportArgs([name, '--deck', 'en', '--format', 'pptx'])
      if (parsed === 'help') throw new Error('help')
      expect(parsed.source).toEqual({ names: [name] })
      // Parsed as the command line gives it; only the desk is the test's.
      const lines: string[] = []
      const output = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) }
      const code = await runExport({ ...parsed, source: { names: [name], desk } }, output)
      expect(code, lines.join('\n')).toBe(0)
      expect(await readdir(folder)).toEqual([`${name}-en.pptx`])
      expect((await readPptx(path.join(folder, `${name}-en.pptx`))).notes.join('\n')).toContain('Gamma point gamma explained')
      expect(lines.some((line) => line.includes(`exports/${name}/${name}-en.pptx`)), lines.join('\n')).toBe(true)
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  }, 300_000)
})
