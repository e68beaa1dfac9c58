import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { runLibraryBuild, type BuildSettings } from '../../scripts/cli/build.ts'
import type { Output } from '../../scripts/io/output.ts'
import { VARIANTS } from '../../scripts/deck/variant.ts'
import type { Desk } from '../../scripts/project.ts'
import { readBriefText, sourceYaml } from '../support/brief-oracle.ts'
import { readDeck } from '../support/deck-reader.ts'
import { taggedBrief } from '../support/tagged-brief.ts'
import { projectTempDir } from '../support/tmp.ts'

const settings: BuildSettings = { keepPunctuation: false }

let desk: Desk
beforeEach(async () => {
  const root = await projectTempDir('library')
  desk = { content: path.join(root, 'content'), slides: path.join(root, 'slides') }
  await mkdir(desk.content)
})

async function build(names: string[] = []) {
  const out: string[] = []
  const err: string[] = []
  const output: Output = { out: (line) => out.push(line), err: (line) => err.push(line) }
  const code = await runLibraryBuild(names, settings, output, desk)
  return { code, out: out.join('\n'), err: err.join('\n') }
}

/** Every file under the decks, with what identifies its contents on disk. */
async function filesOnDisk(dir: string): Promise<Record<string, string>> {
  const found: Record<string, string> = {}
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    const info = await stat(file)
    found[path.relative(dir, file)] = `ino ${info.ino} mtime ${info.mtimeMs} ctime ${info.ctimeMs}`
  }
  return found
}

const notesOf = async (file: string) => (await readDeck(await readFile(file, 'utf8'))).flatMap((slide) => [...slide.notes['zh-Hant'], ...slide.notes.en]).join('\n')

describe('npm run build with several briefs in content/', () => {
  it("builds each into slides/NAME/, every deck's notes holding its own brief's bullets and no other's", async () => {
    await writeFile(path.join(desk.content, 'alpha.txt'), taggedBrief('Alpha'))
    await writeFile(path.join(desk.content, 'beta.txt'), taggedBrief('Beta'))
    const result = await build()
    expect(result.code, result.err).toBe(0)
    expect(result.out).toMatch(/built alpha, beta\./)
    for (const [name, own, other] of [['alpha', 'Alpha', 'Beta'], ['beta', 'Beta', 'Alpha']] as const) {
      for (const variant of VARIANTS) {
        const notes = await notesOf(path.join(desk.slides, name, `${variant}.md`))
        const expected = variant === 'en' ? ['alpha', 'beta', 'gamma'].map((p) => `${own} point ${p} explained`)
          : variant === 'zh-Hant' ? ['甲', '乙', '丙'].map((p) => `${own}${p}項要點說明`)
          : [...['alpha', 'beta', 'gamma'].map((p) => `${own} point ${p} explained`), ...['甲', '乙', '丙'].map((p) => `${own}${p}項要點說明`)]
        for (const bullet of expected) expect(notes, `${name}/${variant}.md`).toContain(bullet)
        expect(notes).not.toContain(other)
      }
    }
  })

  it('writes nothing the second time when nothing changed, and rebuilds only the brief that did', async () => {
    await writeFile(path.join(desk.content, 'alpha.txt'), taggedBrief('Alpha'))
    await writeFile(path.join(desk.content, 'beta.txt'), taggedBrief('Beta'))
    expect((await build()).code).toBe(0)
    const before = await filesOnDisk(desk.slides)
    expect(Object.keys(before)).toHaveLength(8)
    const again = await build()
    expect(again.code).toBe(0)
    expect(again.out).toMatch(/built none; current \(2\) alpha, beta\./)
    expect(again.out).not.toMatch(/wrote/)
    expect(await filesOnDisk(desk.slides)).toEqual(before)

    const beta = readBriefText(await readFile(path.join(desk.content, 'beta.txt'), 'utf8'))
    const source = sourceYaml({ 'zh-Hant': beta['zh-Hant'].lede, en: beta.en.lede })
    await writeFile(path.join(desk.content, 'beta.deck.yaml'), `title:\n  zh-Hant: 新的標題\n  en: A new title\n  ${source}\n`)
    const third = await build()
    expect(third.code, third.err).toBe(0)
    expect(third.out).toMatch(/built beta; current alpha\./)
    const after = await filesOnDisk(desk.slides)
    for (const file of Object.keys(before).filter((file) => file.startsWith('alpha'))) expect(after[file]).toBe(before[file])
    expect(await readFile(path.join(desk.slides, 'beta', 'en.md'), 'utf8')).toContain('A new title')
  })

  it('builds a deck again when it was deleted or edited by hand, though the brief is the same', async () => {
    await writeFile(path.join(desk.content, 'alpha.txt'), taggedBrief('Alpha'))
    expect((await build()).code).toBe(0)
    const deck = path.join(desk.slides, 'alpha', 'en.md')
    const built = await readFile(deck, 'utf8')
    await writeFile(deck, `${built}\nhand edit\n`)
    expect((await build()).out).toMatch(/built alpha\./)
    expect(await readFile(deck, 'utf8')).toBe(built)
  })

  it('reports every problem of a malformed brief, leaves its decks as they were, builds the others, and exits 1', async () => {
    await writeFile(path.join(desk.content, 'alpha.txt'), taggedBrief('Alpha'))
    await writeFile(path.join(desk.content, 'beta.txt'), taggedBrief('Beta'))
    expect((await build()).code).toBe(0)
    const betaBefore = await filesOnDisk(path.join(desk.slides, 'beta'))
    await writeFile(path.join(desk.content, 'alpha.txt'), taggedBrief('Alpha2'))
    // No Summary: line, and a bullet before any heading: two problems at least.
    await writeFile(path.join(desk.content, 'beta.txt'), '- a bullet before any heading\nA lede without its English half\n')
    const result = await build()
    expect(result.code).toBe(1)
    const problems = result.err.split('\n').filter((line) => /beta\.txt:\d+:\d+ {2}error/.test(line))
    expect(problems.length).toBeGreaterThanOrEqual(2)
    expect(result.err).toMatch(/problems? in .*beta\.txt; no deck was written/)
    expect(result.out).toMatch(/built alpha; refused beta \(its decks are as they were; problems above\)\./)
    expect(await filesOnDisk(path.join(desk.slides, 'beta'))).toEqual(betaBefore)
    expect(await readFile(path.join(desk.slides, 'alpha', 'en.md'), 'utf8')).toContain('Alpha2 point alpha')
    expect(result.err).not.toMatch(/\n\s+at /)
  })

  it('refuses a brief whose name cannot be a folder and an address, in one line naming the file and the names allowed, and builds the rest', async () => {
    await writeFile(path.join(desk.content, 'alpha.txt'), taggedBrief('Alpha'))
    await writeFile(path.join(desk.content, 'My Brief.txt'), taggedBrief('Mine'))
    const result = await build()
    expect(result.code).toBe(1)
    const lines = result.err.split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/My Brief\.txt: "My Brief" cannot name a briefing: .*lowercase letters a-z, digits and single hyphens/)
    expect(lines[0]).not.toMatch(/:\d+:\d+/)
    expect(result.out).toMatch(/built alpha\./)
    expect(await readdir(desk.slides)).toEqual(['alpha'])
  })

  it('builds only the briefings named, and refuses a name content/ does not hold', async () => {
    await writeFile(path.join(desk.content, 'alpha.txt'), taggedBrief('Alpha'))
    await writeFile(path.join(desk.content, 'beta.txt'), taggedBrief('Beta'))
    expect((await build(['beta'])).out).toMatch(/built beta\./)
    expect(await readdir(desk.slides)).toEqual(['beta'])
    const unknown = await build(['gamma']).catch((error: Error) => ({ code: -1, out: '', err: error.message }))
    expect(unknown.err).toMatch(/No briefing "gamma" \(no content\/gamma\.txt\): the briefings are alpha, beta\./)
  })
})
