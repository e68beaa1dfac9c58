import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Output } from '../../scripts/io/output.ts'
import { main as siteMain, runSite, type SiteOptions } from '../../scripts/cli/site.ts'
import type { Desk } from '../../scripts/project.ts'
import { SHARED_ASSETS } from '../../scripts/site/site-assets.ts'
import { taggedBrief } from '../support/tagged-brief.ts'
import { projectTempDir } from '../support/tmp.ts'
import { ledeSource } from '../support/brief-oracle.ts'

// Each in a shard of its own or shared, by the SHA-256 of its name (see scripts/site/shard.test.ts):
// theta → 1/3, alpha → 2/3, beta and gamma → 3/3.
const NAMES = ['alpha', 'beta', 'gamma', 'theta']
const SHARDS: Record<number, string[]> = { 1: ['theta'], 2: ['alpha'], 3: ['beta', 'gamma'] }

let root: string
let desk: Desk
const codes: Record<string, number> = {}
const printed: string[] = []
const record: Output = { out: (line) => printed.push(line), err: (line) => printed.push(line) }
const dir = (name: string) => path.join(root, name)

/** One deck a briefing and no downloads: a static build per deck is the slow part. */
const options = (out: string, shard?: SiteOptions['shard']): SiteOptions => ({
  decks: ['en'],
  out,
  source: { names: [], desk },
  public: false,
  noCache: false,
  downloads: false,
  ...(shard ? { shard } : {}),
})

async function run(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = []
  const err: string[] = []
  const code = await siteMain(argv, { out: (line) => out.push(line), err: (line) => err.push(line) })
  return { code, out, err }
}

/** Every file of a folder, relative to it, sorted. */
async function files(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true })
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name))).sort()
}

beforeAll(async () => {
  root = await projectTempDir('shards')
  desk = { content: dir('content'), slides: dir('slides') }
  await mkdir(desk.content)
  for (const name of NAMES) await writeFile(path.join(desk.content, `${name}.txt`), taggedBrief(name[0]!.toUpperCase() + name.slice(1)))
  await writeFile(path.join(desk.content, 'alpha.deck.yaml'), `date: 2026-11-20\ntitle:\n  zh-Hant: 甲號簡報\n  en: The Alpha briefing\n  ${ledeSource(taggedBrief('Alpha'))}\n`)
  codes.whole = await runSite(options(dir('whole')), record)
  for (const index of [1, 2, 3]) codes[`shard${index}`] = await runSite(options(dir(`shard-${index}`), { index, count: 3 }), record)
  const joined = await run(['--assemble', dir('shard-1'), dir('shard-2'), dir('shard-3'), '--out', dir('joined')])
  codes.joined = joined.code
  printed.push(...joined.out, ...joined.err)
}, 900_000)

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true })
})

describe('a desk built in shards', () => {
  it('builds the whole site and each shard', () => {
    expect(codes, printed.join('\n')).toEqual({ whole: 0, shard1: 0, shard2: 0, shard3: 0, joined: 0 })
  })

  it('puts each briefing in the shard its name hashes to, and only there', async () => {
    for (const [index, names] of Object.entries(SHARDS)) {
      const folders = (await readdir(dir(`shard-${index}`), { withFileTypes: true })).filter((entry) => entry.isDirectory() && entry.name !== SHARED_ASSETS)
      expect(folders.map((entry) => entry.name).sort(), `shard ${index}`).toEqual(names)
      const manifest = JSON.parse(await readFile(path.join(dir(`shard-${index}`), '.briefdeck-shard.json'), 'utf8'))
      expect(manifest).toMatchObject({ shard: Number(index), of: 3, public: false, desk: NAMES })
      expect(manifest.briefings.map((briefing: { name: string }) => briefing.name)).toEqual(names)
    }
    expect(printed).toContainEqual(expect.stringMatching(/^briefdeck: shard 3\/3 in \S*shard-3: 2 of the desk's 4 briefings \(beta, gamma\); join the shards with `npm run site -- --assemble DIR…`\.$/))
  })

  it('assembled, gives the same site as one run: the same files, byte for byte, and the same index', async () => {
    const whole = await files(dir('whole'))
    expect(whole).toContain('index.html')
    expect(whole.filter((file) => file.endsWith('/index.html')).length).toBe(4)
    expect(await files(dir('joined'))).toEqual(whole)
    for (const file of whole) {
      const same = (await readFile(path.join(dir('whole'), file))).equals(await readFile(path.join(dir('joined'), file)))
      expect(same, file).toBe(true)
    }
    const index = await readFile(path.join(dir('joined'), 'index.html'), 'utf8')
    expect([...index.matchAll(/<article class="briefing" id="([^"]+)"/g)].map((match) => match[1])).toEqual(NAMES)
    expect(index).toContain('<time datetime="2026-11-20">')
  })

  it('refuses shards that leave a briefing out, naming it and its shard, and leaves --out as it was', async () => {
    const { code, err } = await run(['--assemble', dir('shard-1'), dir('shard-2'), '--out', dir('joined')])
    expect(code).toBe(1)
    expect(err.join('\n')).toMatch(/briefings beta \(shard 3\/3\), gamma \(shard 3\/3\) are in none of the shards given/)
    expect(await files(dir('joined'))).toEqual(await files(dir('whole')))
  })

  it('refuses a briefing found in two shards, naming it and both folders', async () => {
    // Shard 1 as a different commit might have built it: with alpha beside theta.
    await cp(dir('shard-1'), dir('shard-1-stale'), { recursive: true })
    await cp(path.join(dir('shard-2'), 'alpha'), path.join(dir('shard-1-stale'), 'alpha'), { recursive: true })
    const manifestFile = path.join(dir('shard-1-stale'), '.briefdeck-shard.json')
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8'))
    const alpha = JSON.parse(await readFile(path.join(dir('shard-2'), '.briefdeck-shard.json'), 'utf8')).briefings[0]
    manifest.briefings.unshift(alpha)
    await writeFile(manifestFile, JSON.stringify(manifest))
    const { code, err } = await run(['--assemble', dir('shard-1-stale'), dir('shard-2'), dir('shard-3'), '--out', dir('doubled')])
    expect(code).toBe(1)
    expect(err.join('\n')).toMatch(/^Briefing alpha is in two shards, \S*shard-1-stale and \S*shard-2: a briefing belongs to one shard only/)
    expect(existsSync(dir('doubled'))).toBe(false)
  })

  it('refuses the same shard given twice, a folder that is not a shard, and shards of different N', async () => {
    const twice = await run(['--assemble', dir('shard-1'), dir('shard-2'), dir('shard-3'), dir('shard-1'), '--out', dir('other')])
    expect(twice.code).toBe(1)
    expect(twice.err.join('\n')).toMatch(/are both shard 1\/3/)
    const notShard = await run(['--assemble', dir('whole'), '--out', dir('other')])
    expect(notShard.code).toBe(1)
    expect(notShard.err.join('\n')).toMatch(/whole is not a shard: it has no \.briefdeck-shard\.json/)
    await cp(dir('shard-3'), dir('shard-3-of-4'), { recursive: true })
    const manifestFile = path.join(dir('shard-3-of-4'), '.briefdeck-shard.json')
    await writeFile(manifestFile, (await readFile(manifestFile, 'utf8')).replace('"of": 3', '"of": 4'))
    const mixed = await run(['--assemble', dir('shard-1'), dir('shard-2'), dir('shard-3-of-4'), '--out', dir('other')])
    expect(mixed.code).toBe(1)
    expect(mixed.err.join('\n')).toMatch(/differ in their number of shards/)
    expect(existsSync(dir('other'))).toBe(false)
  })
})
