import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { parse } from '@slidev/parser'
import { describe, expect, it } from 'vitest'
import { parseBuildArgs } from '../../scripts/cli/build.ts'
import { parseExportArgs } from '../../scripts/cli/export.ts'
import { parseSiteArgs } from '../../scripts/cli/site.ts'
import { parseStartArgs } from '../../scripts/cli/start.ts'
import { VARIANTS } from '../../scripts/deck/variant.ts'
import { runBuildCli } from '../support/build.ts'
import { projectTempDir } from '../support/tmp.ts'

/** Each deck's headmatter `briefdeck:` block, as Slidev's parser reads it. */
async function briefdeckSettings(out: string) {
  return Promise.all(
    VARIANTS.map(async (variant) => {
      const file = path.join(out, `${variant}.md`)
      const parsed = await parse(await readFile(file, 'utf8'), file)
      return parsed.slides[0]?.frontmatter.briefdeck as { scheme?: string }
    }),
  )
}

describe('--scheme dark: the dark-room scheme, one option away', () => {
  it('build writes it into every deck; without it (or with light) the decks are as before, and a rebuild with it is not "current"', async () => {
    const out = await projectTempDir('scheme')
    expect((await runBuildCli(['--out', out])).code).toBe(0)
    expect((await briefdeckSettings(out)).map((settings) => settings.scheme)).toEqual([undefined, undefined, undefined])
    const light = await readFile(path.join(out, 'en.md'), 'utf8')
    const dark = await runBuildCli(['--out', out, '--scheme', 'dark'])
    expect(dark.code, dark.stderr).toBe(0)
    expect(dark.stdout).toMatch(/wrote/)
    expect((await briefdeckSettings(out)).map((settings) => settings.scheme)).toEqual(['dark', 'dark', 'dark'])
    expect((await runBuildCli(['--out', out, '--scheme', 'light'])).code).toBe(0)
    expect(await readFile(path.join(out, 'en.md'), 'utf8')).toBe(light)
  })

  it('start, export and site take it; anything but light or dark is refused, naming the help', () => {
    expect(parseStartArgs(['--scheme', 'dark'])).toMatchObject({ scheme: 'dark' })
    expect(parseStartArgs([])).not.toHaveProperty('scheme')
    expect(parseBuildArgs(['--scheme', 'dark'])).toMatchObject({ settings: { scheme: 'dark' } })
    expect(parseExportArgs(['--scheme', 'dark'])).toMatchObject({ source: { scheme: 'dark' } })
    expect(parseSiteArgs(['--scheme', 'dark'])).toMatchObject({ source: { scheme: 'dark' } })
    expect(() => parseStartArgs(['--scheme', 'night'])).toThrow(/--scheme night: the schemes are light .* and dark .*\nRun `npm start -- --help`/)
    expect(() => parseExportArgs(['--scheme', 'blue'])).toThrow(/Run `npm run export -- --help`/)
    // Decks already built keep theirs: the option would be silently ignored.
    expect(() => parseExportArgs(['--decks', 'slides/regime-security', '--scheme', 'dark'])).toThrow(/--scheme with --decks/)
  })
})
