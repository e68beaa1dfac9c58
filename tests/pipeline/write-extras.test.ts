import { existsSync } from 'node:fs'
import { copyFile, readFile, readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDocument } from 'yaml'
import { VARIANTS } from '../../scripts/deck/variant.ts'
import { parseExtras } from '../../scripts/extras/parse.ts'
import { PROJECT_ROOT } from '../../scripts/project.ts'
import { runBuildCli } from '../support/build.ts'
import { projectTempDir } from '../support/tmp.ts'

/** The golden briefs that come without extras: what a user runs on a brief as received. */
const GOLDEN = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'golden')
const bare = (await readdir(GOLDEN)).filter((name) => !existsSync(path.join(GOLDEN, name, 'brief.deck.yaml')))

const readDecks = (dir: string) => Promise.all(VARIANTS.map((variant) => readFile(path.join(dir, `${variant}.md`), 'utf8')))

/** A copy of a golden brief in a fresh folder, so the draft lands beside it there. */
async function briefCopy(name: string): Promise<{ dir: string; brief: string; extras: string }> {
  const dir = await projectTempDir(`draft-${name}`)
  const brief = path.join(dir, 'brief.txt')
  await copyFile(path.join(GOLDEN, name, 'brief.txt'), brief)
  return { dir, brief, extras: path.join(dir, 'brief.deck.yaml') }
}

describe.each(bare)('npm run build -- --write-extras on the brief %s', (name) => {
  it('drafts NAME.deck.yaml with the title and every headline, each under the brief text it came from', async () => {
    const { dir, brief, extras } = await briefCopy(name)
    const result = await runBuildCli(['--brief', brief, '--out', dir, '--write-extras'])
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/drafted .*brief\.deck\.yaml/)
    const text = await readFile(extras, 'utf8')
    const parsed = parseExtras(text, 'brief.deck.yaml')
    expect(parsed.diagnostics).toEqual([])
    expect(parsed.extras.title?.en).toBeTruthy()
    expect(parsed.extras.title?.['zh-Hant']).toBeTruthy()
    // Every bullet of the brief is quoted in a comment, and every one has a headline in both languages.
    const comments = text.split('\n').filter((line) => /^\s*#/.test(line)).map((line) => line.replace(/^\s*# ?/, ''))
    const bullets = (await readFile(brief, 'utf8')).split('\n').filter((line) => line.startsWith('- '))
    expect(bullets.length).toBeGreaterThan(0)
    for (const bullet of bullets) expect(comments.some((c) => c.includes(bullet.slice(2, 12)))).toBe(true)
    const points = (parsed.extras.sections ?? []).flatMap((section) => section.points ?? [])
    expect(points).toHaveLength(bullets.length / 2)
    for (const point of points) expect(Object.keys(point).sort()).toEqual(['en', 'zh-Hant'])
    expect(parseDocument(text).errors).toEqual([])
  })

  it('the draft builds to the same decks as no extras file at all', async () => {
    const { dir, brief } = await briefCopy(name)
    expect((await runBuildCli(['--brief', brief, '--out', dir, '--write-extras'])).code).toBe(0)
    const withoutExtras = await readDecks(dir)
    const rebuilt = await runBuildCli(['--brief', brief, '--out', dir])
    expect(rebuilt.code, rebuilt.stderr).toBe(0)
    expect(await readDecks(dir)).toEqual(withoutExtras)
  })
})

describe('npm run build -- --write-extras beside an existing extras file', () => {
  it('leaves the file untouched and says so, and still builds', async () => {
    const { dir, brief, extras } = await briefCopy(bare[0]!)
    const authored = '# mine\ntitle:\n  en: My own title\n'
    await writeFile(extras, authored)
    const result = await runBuildCli(['--brief', brief, '--out', dir, '--write-extras'])
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/brief\.deck\.yaml already exists and was left as it is/)
    expect(await readFile(extras, 'utf8')).toBe(authored)
    expect(await readFile(path.join(dir, 'en.md'), 'utf8')).toContain('My own title')
  })
})
