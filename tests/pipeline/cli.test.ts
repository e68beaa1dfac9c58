import { readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { BUILD_USAGE } from '../../scripts/cli/usage.ts'
import { parseExportArgs } from '../../scripts/cli/export.ts'
import { parseSiteArgs } from '../../scripts/cli/site.ts'
import { parseStartArgs } from '../../scripts/cli/start.ts'
import { buildDecks } from '../../scripts/pipeline.ts'
import { DEFAULT_BRIEF, DEFAULT_DECKS, PROJECT_ROOT, addonPathFor, existingExtras, projectRelative } from '../../scripts/project.ts'
import { VARIANTS } from '../../scripts/deck/variant.ts'
import { runBuildCli } from '../support/build.ts'
import { longBrief, longExtras } from '../browser/long-brief.ts'
import { projectTempDir } from '../support/tmp.ts'

const readDecks = async (dir: string) =>
  Promise.all(VARIANTS.map((variant) => readFile(path.join(dir, `${variant}.md`))))

const shipped = await readFile(DEFAULT_BRIEF, 'utf8')
const extrasFile = existingExtras(DEFAULT_BRIEF)!

/** Writes a brief (and a copy of the shipped extras, when asked) into a fresh project folder. */
async function briefIn(dir: string, text: string | Uint8Array, withExtras = false): Promise<string> {
  const file = path.join(dir, 'brief.txt')
  await writeFile(file, text)
  if (withExtras) await writeFile(path.join(dir, 'brief.deck.yaml'), await readFile(extrasFile))
  return file
}

describe('npm run build', () => {
  it('writes byte-identical decks on every run', async () => {
    const a = await projectTempDir('same-a')
    const b = await projectTempDir('same-b')
    for (const out of [a, b]) expect((await runBuildCli(['--out', out])).code).toBe(0)
    expect(await readDecks(b)).toEqual(await readDecks(a))
    // A second build into the same folder changes nothing either.
    const before = await readDecks(a)
    expect((await runBuildCli(['--out', a])).code).toBe(0)
    expect(await readDecks(a)).toEqual(before)
  })

  it.each([
    { pasted: 'a BOM, CRLF line ends and trailing spaces', blankLines: false },
    // Blank lines move the brief's line numbers, which the notes' source lines cite: compare without them.
    { pasted: 'blank lines between all lines, too', blankLines: true },
  ])('builds identical decks from pasted text with $pasted', async ({ blankLines }) => {
    const clean = await projectTempDir('clean')
    const messy = await projectTempDir('messy')
    const separator = blankLines ? '\r\n\r\n\r\n' : '\r\n'
    const messyText = '\uFEFF' + shipped.split('\n').map((line) => `${line}  \t`).join(separator) + '\r\n'
    const hide = blankLines ? ['--hide-source'] : []
    await runBuildCli(['--brief', await briefIn(clean, shipped, true), '--out', clean, ...hide])
    const result = await runBuildCli(['--brief', await briefIn(messy, messyText, true), '--out', messy, ...hide])
    expect(result.code, result.stderr).toBe(0)
    // The decks name the brief's folder (in a comment and in the notes' source lines): put both in one place.
    const named = (decks: Buffer[], dir: string) =>
      decks.map((deck) => deck.toString().replaceAll(path.basename(dir).replaceAll('-', '&#45;'), 'X').replaceAll(path.basename(dir), 'X'))
    expect(named(await readDecks(messy), messy)).toEqual(named(await readDecks(clean), clean))
  })

  it('keeps the committed decks in slides/ up to date with content/', async () => {
    const extras = existingExtras(DEFAULT_BRIEF)
    const result = buildDecks({
      briefFile: DEFAULT_BRIEF,
      briefBytes: await readFile(DEFAULT_BRIEF),
      ...(extras ? { extras: { file: extras, text: await readFile(extras, 'utf8') } } : {}),
      source: projectRelative(DEFAULT_BRIEF),
      addonPath: addonPathFor(DEFAULT_DECKS),
      normalizePunctuation: true,
    })
    if (!result.ok) throw new Error('the shipped brief does not build')
    for (const variant of VARIANTS) {
      const committed = await readFile(path.join(DEFAULT_DECKS, `${variant}.md`), 'utf8')
      expect(committed, `slides/${variant}.md is stale: run npm run build`).toBe(result.decks[variant])
    }
  })

  it('points decks in another folder back to the project root for the shared components', async () => {
    const out = await projectTempDir('nested')
    expect((await runBuildCli(['--out', out])).code).toBe(0)
    const deck = await readFile(path.join(out, 'en.md'), 'utf8')
    const addon = /addons:\n {2}- "(@\/[^"]*)"/.exec(deck)?.[1]
    expect(addon).toBe(`@/${path.relative(out, PROJECT_ROOT)}`)
    expect(path.resolve(out, addon!.slice(2))).toBe(PROJECT_ROOT)
  })

  it('builds a brief too long for its slides, its sections continued a bullet a slide, warning once for each slide still below the projection sizes, at its bullet', async () => {
    const out = await projectTempDir('long')
    await writeFile(path.join(out, 'brief.txt'), longBrief())
    await writeFile(path.join(out, 'brief.deck.yaml'), longExtras())
    const result = await runBuildCli(['--brief', path.join(out, 'brief.txt'), '--out', out])
    expect(result.code, result.stderr).toBe(0)
    const lines = longBrief().split('\n')
    const warned = [...result.stderr.matchAll(/brief\.txt:(\d+):(\d+) {2}warning {2}Slide (\d+) of the ([\w-]+) deck needs its text at about (\d+)% of the projection size.+ {2}slide-too-long/g)]
    // Six authored headlines of some 180 characters in section 1: each alone on a slide is still too long for 24 pt.
    expect(warned.length).toBeGreaterThanOrEqual(6)
    const slides = warned.map(([, , , slide, deck]) => `${deck} ${slide}`)
    expect(new Set(slides).size, 'once a slide').toBe(slides.length)
    for (const [, line, column, slide, , percent] of warned) {
      expect(Number(percent)).toBeLessThan(100)
      // A section slide's warning stands at its first bullet's text, after "- "; a title slide's at the lede.
      if (Number(slide) >= 3) expect(`${lines[Number(line) - 1]?.slice(0, 2)}:${column}`).toBe('- :3')
      else expect(['1', '17']).toContain(line)
    }
    // The shipped brief fits: no warning at all.
    const shippedBuild = await runBuildCli(['--out', await projectTempDir('fits')])
    expect(shippedBuild.stderr).toBe('')
  })

  it('prints its usage for --help', async () => {
    const result = await runBuildCli(['--help'])
    expect(result).toEqual({ code: 0, stdout: BUILD_USAGE, stderr: '' })
  })

  it('refuses an unknown option and a folder outside the project, with exit code 2', async () => {
    const unknown = await runBuildCli(['--brif', 'x'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/Unknown option '--brif'[\s\S]*--help/)
    const outside = await runBuildCli(['--out', '/tmp/briefdeck-outside'])
    expect(outside.code).toBe(2)
    expect(outside.stderr).toMatch(/outside the project/)
  })

  it('names the option a mistyped one most likely meant, for every command', async () => {
    expect((await runBuildCli(['--minute', '5'])).stderr).toMatch(/^Unknown option '--minute': did you mean --minutes\?\nRun `npm run build -- --help`/)
    expect(() => parseStartArgs(['--minute', '5'])).toThrow(/^Unknown option '--minute': did you mean --minutes\?\nRun `npm start -- --help`/)
    expect(() => parseStartArgs(['--mintues', '5'])).toThrow(/did you mean --minutes\?/)
    expect(() => parseExportArgs(['--fromat', 'pdf'])).toThrow(/^Unknown option '--fromat': did you mean --format\?/)
    expect(() => parseSiteArgs(['--publc'])).toThrow(/^Unknown option '--publc': did you mean --public\?/)
    expect(() => parseSiteArgs(['--no-download'])).toThrow(/did you mean --no-downloads\?/)
    // Nothing close: no guess, Node's own words.
    expect(() => parseStartArgs(['--remote'])).toThrow(/^Unknown option '--remote'\nRun/)
  })

  it('reports a missing brief in one line, without a stack trace', async () => {
    const result = await runBuildCli(['--brief', 'content/no-such-brief.txt'])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('No brief at content/no-such-brief.txt: check the path given to --brief.')
  })

  it('runs as a process (npm run build\'s entry): exit code and messages on the right streams', async () => {
    const out = await projectTempDir('process')
    const file = await briefIn(out, 'only a lede\n')
    const run = promisify(execFile)
    // The entry point `npm run build` runs: the cached bundle of scripts/build.ts.
    const failure: { code?: number; stderr: string } = await run(process.execPath, ['scripts/bin/build.mjs', '--brief', file, '--out', out], {
      cwd: PROJECT_ROOT,
    }).catch((error: { code: number; stderr: string }) => error)
    expect(failure.code).toBe(1)
    expect(failure.stderr).toContain('brief.txt:1:1  error  No `Summary:` line')
    expect(failure.stderr).not.toMatch(/\n\s+at /)
    await expect(stat(path.join(out, 'en.md'))).rejects.toThrow()
  })
})
