/**
 * `npm run corpus -- --count N --seed S [--outputs M] [--pdf P] [--out DIR]`: generated briefs
 * (seeds S … S+N−1) through every check the shipped brief gets, writing
 *  DIR/report.md (default .tmp/corpus/) with what failed and the seed that reproduces it.
 *
 * Every brief: headline rules, build and re-read decks (notes verbatim,
 * clicks, language tags), one malformation refused with its file:line.
 * The first P (`--pdf`, default all): the slide PDF and the handout of each deck. The first M
 * (`--outputs`, default 30, at most N) also: each deck's PPTX (notes, and as
 * LibreOffice renders it) and the bilingual deck walked in Chromium through Slidev.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { Browser } from 'playwright-chromium'
import { launchBrowser } from '../../scripts/browser/find.ts'
import { VARIANTS, type Variant } from '../../scripts/deck/variant.ts'
import { exportDecks } from '../../scripts/export/export-decks.ts'
import { PROJECT_ROOT } from '../../scripts/project.ts'
import { startSlidev } from '../../scripts/slidev/server.ts'
import { buildBrief, deckFile } from '../browser/fixture.ts'
import { readBriefText } from '../support/brief-oracle.ts'
import { runBuildCli } from '../support/build.ts'
import { deckProblems } from '../support/deck-checks.ts'
import { readDeck, type ReadSlide } from '../support/deck-reader.ts'
import { MALFORMATIONS, generateBrief, malform } from '../support/generate-brief.ts'
import { headlineProblems } from '../support/headline-rules.ts'
import { addMetrics, measureHeadlines, type HeadlineMetrics } from '../support/headline-metrics.ts'
import { buildDecks } from '../../scripts/pipeline.ts'
import { browserProblems, handoutPdfProblems, libreOfficeProblems, pptxProblems, slidePdfProblems, warmUp } from '../support/output-checks.ts'

const { values } = parseArgs({
  options: { count: { type: 'string', default: '12' }, seed: { type: 'string', default: '1' }, outputs: { type: 'string' }, pdf: { type: 'string' }, out: { type: 'string', default: '.tmp/corpus' } },
})
const count = Number(values.count)
const first = Number(values.seed)
const heavy = Math.min(count, Number(values.outputs ?? 30))
const printed = Math.max(heavy, Math.min(count, Number(values.pdf ?? count)))
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(first) || !Number.isInteger(heavy) || heavy < 0 || !Number.isInteger(printed)) {
  console.error(
    'usage: npm run corpus -- --count N --seed S [--outputs M] [--pdf P] [--out DIR]\n' +
      '  N ≥ 1 briefs from seed S; the first P (default N) also exported to PDF, the first M (default 30) also in Chromium and LibreOffice',
  )
  process.exit(2)
}

/** Inside the project: the decks must find its components. Two runs at once need two folders. */
const ROOT = path.resolve(PROJECT_ROOT, values.out)
const REPORT = path.join(ROOT, 'report.md')

type Check = 'headlines' | 'build' | 'malformed' | 'pdf' | 'handout' | 'pptx' | 'browser' | 'libreoffice'
const failures: { seed: number; check: Check; problems: string[] }[] = []
const headlineMetrics: HeadlineMetrics[] = []
const checked: Record<Check, { briefs: number; outputs: number; ms: number }> = {
  headlines: { briefs: 0, outputs: 0, ms: 0 },
  build: { briefs: 0, outputs: 0, ms: 0 },
  malformed: { briefs: 0, outputs: 0, ms: 0 },
  pdf: { briefs: 0, outputs: 0, ms: 0 },
  handout: { briefs: 0, outputs: 0, ms: 0 },
  pptx: { briefs: 0, outputs: 0, ms: 0 },
  browser: { briefs: 0, outputs: 0, ms: 0 },
  libreoffice: { briefs: 0, outputs: 0, ms: 0 },
}

/** Runs one check of one brief, counting it and keeping what it found; an exception is a failure too. */
async function check(seed: number, name: Check, outputs: number, body: () => Promise<string[]> | string[]): Promise<void> {
  const began = Date.now()
  let problems: string[]
  try {
    problems = await body()
  } catch (error) {
    problems = [`threw: ${error instanceof Error ? error.message.split('\n').slice(0, 6).join(' | ') : String(error)}`]
  }
  checked[name].briefs += 1
  checked[name].outputs += outputs
  checked[name].ms += Date.now() - began
  if (problems.length > 0) {
    failures.push({ seed, check: name, problems })
    console.log(`seed ${seed}: ${name} failed (${problems.length}): ${problems[0]}`)
  }
}

const started = Date.now()
await rm(ROOT, { recursive: true, force: true })
await mkdir(ROOT, { recursive: true })
const launched = heavy > 0 ? await launchBrowser() : undefined
/**
 * tsx compiles with esbuild's keepNames, which wraps functions in `__name(…)`: the probes that
 * walk.ts hands to page.evaluate would call it in the page, where it does not exist (vitest does
 * not add it). Every context of this browser defines it as the identity first.
 */
const browser = launched
  ? new Proxy(launched, {
      get(target, prop, receiver) {
        if (prop !== 'newContext') return Reflect.get(target, prop, receiver)
        return async (...args: Parameters<Browser['newContext']>) => {
          const context = await target.newContext(...args)
          await context.addInitScript('globalThis.__name = (f) => f')
          return context
        }
      },
    })
  : undefined

try {
  for (let seed = first; seed < first + count; seed++) {
    if (seed > first) await writeReport(seed - first)
    const brief = generateBrief(seed)
    const dir = path.join(ROOT, String(seed))
    await mkdir(dir, { recursive: true })
    const file = path.join(dir, 'brief.txt')
    await writeFile(file, brief.text)

    await check(seed, 'headlines', (brief.sections.flatMap((s) => s.points).length + 1) * 2, () => {
      // The headlines as the decks show them: both languages chosen together.
      const built = buildDecks({ briefFile: file, briefBytes: new TextEncoder().encode(brief.text), source: 'content/b.txt', addonPath: '@/..', normalizePunctuation: false })
      if (!built.ok) return built.diagnostics.map((d) => `refused: ${d.reason}`)
      const lines = [built.content.lede, ...built.content.sections.flatMap((s) => s.points)]
      const metrics = measureHeadlines(built.content)
      headlineMetrics.push(metrics)
      return [
        ...lines.flatMap(({ headline, detail }) =>
          (['zh-Hant', 'en'] as const).flatMap((lang) =>
            headlineProblems(headline[lang], detail[lang].text, lang).map((p) => `${lang} "${detail[lang].text.slice(0, 50)}…": ${p.rule}, ${p.detail}`),
          ),
        ),
        ...metrics.misses.filter((miss) => miss.startsWith('figures differ')),
        ...metrics.dangling,
      ]
    })

    const slides = {} as Record<Variant, ReadSlide[]>
    await check(seed, 'build', 3, async () => {
      const result = await runBuildCli(['--brief', file, '--out', dir])
      if (result.code !== 0) return [`the build exited with ${result.code}: ${result.stderr.split('\n')[0]}`]
      for (const variant of VARIANTS) slides[variant] = await readDeck(await readFile(deckFile(dir, variant), 'utf8'), `${variant}.md`)
      return deckProblems(readBriefText(brief.text), slides)
    })
    if (!slides.bilingual) continue

    await check(seed, 'malformed', 1, async () => {
      const broken = malform(brief, MALFORMATIONS[seed % MALFORMATIONS.length]!)
      const before = await Promise.all(VARIANTS.map((v) => readFile(deckFile(dir, v), 'utf8')))
      const brokenFile = path.join(dir, 'broken.txt')
      await writeFile(brokenFile, broken.text)
      const result = await runBuildCli(['--brief', brokenFile, '--out', dir])
      const reported = [...result.stderr.matchAll(/broken\.txt:(\d+:\d+) {2}error {2}.+ {2}([a-z0-9-]+)\n {4}hint: \S/g)].map((m) => `${m[1]} ${m[2]}`)
      const problems: string[] = []
      if (result.code !== 1) problems.push(`${broken.kind}: exit code ${result.code}`)
      if (reported.join(', ') !== broken.problems.map((p) => p.join(' ')).join(', '))
        problems.push(`${broken.kind}: reported ${reported.join(', ')}; expected ${broken.problems.map((p) => p.join(' ')).join(', ')}`)
      const after = await Promise.all(VARIANTS.map((v) => readFile(deckFile(dir, v), 'utf8')))
      if (after.some((text, i) => text !== before[i])) problems.push(`${broken.kind}: the decks were changed`)
      return problems
    })

    if (seed - first >= printed) continue
    const out = path.join(dir, 'out')
    const withPptx = seed - first < heavy
    let exported = false
    await check(seed, 'pdf', 3, async () => {
      await exportDecks({ briefing: 'corpus', decks: VARIANTS.map((v) => deckFile(dir, v)), formats: withPptx ? ['pdf', 'handout', 'pptx'] : ['pdf', 'handout'], out, noCache: true })
      exported = true
      return (await Promise.all(VARIANTS.map((v) => slidePdfProblems(path.join(out, `corpus-${v}.pdf`), slides[v])))).flat()
    })
    if (!exported) continue
    await check(seed, 'handout', 3, async () =>
      (
        await Promise.all(
          VARIANTS.map((v) => handoutPdfProblems(path.join(out, `corpus-${v}-handout.pdf`), slides[v], v)),
        )
      ).flat(),
    )
    if (!withPptx) continue
    await check(seed, 'pptx', 3, async () => (await Promise.all(VARIANTS.map((v) => pptxProblems(path.join(out, `corpus-${v}.pptx`), slides[v])))).flat())
    await check(seed, 'libreoffice', 3, () => libreOfficeProblems(VARIANTS.map((v) => path.join(out, `corpus-${v}.pptx`)), dir))
    await check(seed, 'browser', 1, async () => {
      // buildBrief gives what the decks must show (from the brief and the deck files), for the walk's expectations.
      const built = await buildBrief(`corpus-${seed}`, brief.text)
      // A loaded machine can take Slidev minutes to start: a long wait, still a failure past it.
      const server = await startSlidev({ deck: deckFile(built.dir, 'bilingual'), timeoutMs: 300_000 })
      try {
        await warmUp(browser!, server.url)
        return await browserProblems({ browser: browser!, url: server.url, content: built.expected, langs: ['zh-Hant', 'en'], presenter: true })
      } finally {
        await server.stop()
        await rm(built.dir, { recursive: true, force: true })
      }
    })
  }
} finally {
  await launched?.close()
}
await writeReport(count)
console.log(`briefdeck corpus: ${count} briefs from seed ${first}, ${failures.length} failed checks; report in ${path.relative(process.cwd(), REPORT)}`)
process.exit(failures.length > 0 ? 1 : 0)

/** The three figures for the derived headlines: a figure kept, the languages agreeing, no dangling end. */
function headlineFigures(): string[] {
  const m = addMetrics(headlineMetrics)
  if (m.bullets === 0) return []
  const share = (a: number, b: number) => `${a} of ${b} (${((100 * a) / Math.max(b, 1)).toFixed(1)}%)`
  return [
    `Derived headlines: bullets with a figure other than a year that keep one in both headlines: ${share(m.keptInBoth, m.withFigure)} (target ≥ 95%);`,
    `bullets whose two headlines carry the same figures: ${share(m.agreeing, m.bullets)} (target 100%); lines ending on a word that needs what follows: ${m.dangling.length} (target 0).`,
    '',
  ]
}

async function writeReport(done: number): Promise<void> {
  const minutes = ((Date.now() - started) / 60000).toFixed(1)
  const lines = [
    '# briefdeck corpus report',
    '',
    `${done} of ${count} generated briefs from seed ${first} (seeds ${first}–${first + count - 1}), ${minutes} min.`,
    `Reproduce one: \`npm run corpus -- --count 1 --seed SEED\`; the brief is tests/support/generate-brief.ts's \`generateBrief(SEED)\`.`,
    '',
    ...headlineFigures(),
    '| check | briefs | outputs checked | failed briefs | time (s) |',
    '|---|---:|---:|---:|---:|',
    ...(Object.keys(checked) as Check[]).map((name) => {
      const c = checked[name]
      return `| ${name} | ${c.briefs} | ${c.outputs} | ${new Set(failures.filter((f) => f.check === name).map((f) => f.seed)).size} | ${(c.ms / 1000).toFixed(0)} |`
    }),
    '',
    failures.length === 0 ? 'No check failed.' : '## Failures',
    ...failures.flatMap((f) => ['', `### seed ${f.seed}: ${f.check}`, '', ...f.problems.slice(0, 20).map((p) => `- ${p}`), ...(f.problems.length > 20 ? [`- … and ${f.problems.length - 20} more`] : [])]),
    '',
  ]
  await writeFile(REPORT, lines.join('\n'))
}
