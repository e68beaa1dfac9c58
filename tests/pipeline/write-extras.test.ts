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
  it('drafts NAME.deck.yaml with the title and every headline, each with the brief text it stands for as its source', async () => {
    const { dir, brief, extras } = await briefCopy(name)
    const result = await runBuildCli(['--brief', brief, '--out', dir, '--write-extras'])
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/drafted .*brief\.deck\.yaml/)
    const text = await readFile(extras, 'utf8')
    const parsed = parseExtras(text, 'brief.deck.yaml')
    expect(parsed.diagnostics).toEqual([])
    expect(parsed.extras.title?.en).toBeTruthy()
    expect(parsed.extras.title?.['zh-Hant']).toBeTruthy()
    // Every bullet of the brief, as typed, is the source of one headline in each language, in the brief's order.
    const lines = (await readFile(brief, 'utf8')).split('\n').map((line) => line.trim())
    const summary = lines.indexOf('Summary:')
    const bullets = (from: number, to: number) => lines.slice(from, to).filter((line) => line.startsWith('- ')).map((line) => line.slice(2))
    const points = (parsed.extras.sections ?? []).flatMap((section) => section.points ?? [])
    expect(points.map((point) => point.source?.['zh-Hant'])).toEqual(bullets(0, summary))
    expect(points.map((point) => point.source?.en)).toEqual(bullets(summary, lines.length))
    for (const point of points) expect(Object.keys(point).sort()).toEqual(['en', 'source', 'zh-Hant'])
    expect(parsed.extras.lede?.source).toEqual({ 'zh-Hant': lines[0], en: lines[summary + 1] })
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

/** The water brief: a figure in every bullet, in both languages. */
const WATER = 'water'
const TSMC_ZH = '台積電（TSMC）表示其製程用水回收率已達86.7%'
const TSMC_EN = 'TSMC says its process-water recycling rate has reached 86.7%'

/** A drafted extras file whose first headline the analyst rewrote to carry its figure, and a second one rewritten too. */
async function authoredWater(): Promise<{ dir: string; brief: string; extras: string; text: string }> {
  const { dir, brief, extras } = await briefCopy(WATER)
  expect((await runBuildCli(['--brief', brief, '--out', dir, '--write-extras'])).code).toBe(0)
  const draft = parseDocument(await readFile(extras, 'utf8'))
  draft.setIn(['sections', 0, 'points', 0, 'zh-Hant'], '台積電用水回收率達86.7%')
  draft.setIn(['sections', 0, 'points', 0, 'en'], "TSMC's water recycling reaches 86.7%")
  draft.setIn(['sections', 1, 'points', 2, 'en'], 'Water at NT$11 a cubic metre: too cheap to save')
  const text = draft.toString({ lineWidth: 0 })
  await writeFile(extras, text)
  const built = await runBuildCli(['--brief', brief, '--out', dir])
  expect(built.code, built.stderr).toBe(0)
  return { dir, brief, extras, text }
}

/** The 1-based line of the first line of `text` that contains `needle`. */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1

describe('authored lines tied to the brief text they were written for', () => {
  it('refuses a build when the number under an authored headline changes, naming the line, the old and the new text; the decks stay', async () => {
    const { dir, brief, text } = await authoredWater()
    const decksBefore = await readDecks(dir)
    const briefText = await readFile(brief, 'utf8')
    await writeFile(brief, briefText.replace(TSMC_EN, TSMC_EN.replace('86.7%', '91.2%')))
    const result = await runBuildCli(['--brief', brief, '--out', dir])
    expect(result.code).toBe(1)
    const headlineLine = lineOf(text, "TSMC's water recycling reaches 86.7%")
    const bulletLine = lineOf(briefText, TSMC_EN)
    expect(result.stderr).toMatch(
      new RegExp(
        String.raw`brief\.deck\.yaml:${headlineLine}:\d+  error  The headline "TSMC's water recycling reaches 86\.7%" was written for brief text that has changed: ` +
          String.raw`it was "[^"]*86\.7%[^"]*", \S*brief\.txt:${bulletLine} now says "[^"]*91\.2%[^"]*"  extras-stale\n    hint: .*--write-extras`,
      ),
    )
    // Only the English line went stale: its Chinese partner's bullet did not change.
    expect(result.stderr).not.toMatch(/台積電用水回收率達86\.7%/)
    expect(result.stderr).not.toContain('at NT$11')
    expect(await readDecks(dir)).toEqual(decksBefore)
  })

  it('--write-extras then redrafts that one line only, keeping every other authored line as written', async () => {
    const { dir, brief, extras, text } = await authoredWater()
    const briefText = await readFile(brief, 'utf8')
    await writeFile(brief, briefText.replace(TSMC_EN, TSMC_EN.replace('86.7%', '91.2%')))
    const result = await runBuildCli(['--brief', brief, '--out', dir, '--write-extras'])
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toMatch(new RegExp(String.raw`brief\.deck\.yaml:${lineOf(text, 'reaches 86.7%')}: redrafted the headline "TSMC's water recycling reaches 86\.7%"`))
    expect(result.stdout.match(/redrafted/g)).toHaveLength(1)
    const before = parseExtras(text, 'x').extras
    const after = parseExtras(await readFile(extras, 'utf8'), 'x').extras
    const redrafted = after.sections![0]!.points![0]!
    expect(redrafted['zh-Hant']).toBe('台積電用水回收率達86.7%')
    expect(redrafted.en).toContain('91.2%')
    expect(redrafted.source?.en).toContain('91.2%')
    // Everything else is as it was, the other authored headline included.
    const rest = (extras_: typeof after) => ({ ...extras_, sections: extras_.sections!.map((s, i) => ({ points: s.points!.filter((_, j) => i + j > 0) })) })
    expect(rest(after)).toEqual(rest(before))
    expect(after.sections![1]!.points![2]!.en).toBe('Water at NT$11 a cubic metre: too cheap to save')
    expect((await runBuildCli(['--brief', brief, '--out', dir])).code).toBe(0)
    expect(await readFile(path.join(dir, 'en.md'), 'utf8')).toContain('91.2%')
  })

  it('keeps an authored headline with its bullet when the bullets move', async () => {
    const { dir, brief } = await authoredWater()
    const lines = (await readFile(brief, 'utf8')).split('\n')
    // The first bullet of each language goes to the end of its section.
    for (const start of [TSMC_ZH, TSMC_EN]) {
      const from = lines.findIndex((line) => line.includes(start))
      const [moved] = lines.splice(from, 1)
      lines.splice(from + 3, 0, moved!)
    }
    await writeFile(brief, lines.join('\n'))
    const result = await runBuildCli(['--brief', brief, '--out', dir])
    expect(result.code, result.stderr).toBe(0)
    const deck = await readFile(path.join(dir, 'en.md'), 'utf8')
    const points = /DeckSection[\s\S]*?(?=\n---)/.exec(deck)![0]
    expect(points.indexOf("TSMC's water recycling reaches 86.7%")).toBeGreaterThan(points.indexOf('Major reservoirs'))
  })

  it('refuses a figure in an authored headline that its bullet does not state, naming both places', async () => {
    const { dir, brief, extras, text } = await authoredWater()
    await writeFile(extras, text.replace("TSMC's water recycling reaches 86.7%", "TSMC's water recycling reaches 88%"))
    const result = await runBuildCli(['--brief', brief, '--out', dir])
    expect(result.code).toBe(1)
    const briefText = await readFile(brief, 'utf8')
    expect(result.stderr).toMatch(
      new RegExp(
        String.raw`brief\.deck\.yaml:${lineOf(text, 'reaches 86.7%')}:\d+  error  The headline "TSMC's water recycling reaches 88%" shows 88%, which \S*brief\.txt:${lineOf(briefText, TSMC_EN)} \(the brief text it stands for\) does not state  figure-not-in-brief`,
      ),
    )
  })
})
