import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { SCRATCH, benchCases } from './bench/cases.ts'
import { measureLibrary } from './bench/library.ts'
import { measureLiveEdits } from './bench/live-edit.ts'
import { measureShards, measureSiteSizes } from './bench/shards.ts'
import { measure, type Sample } from './bench/measure.ts'
import { renderReport, type CaseResult } from './bench/report.ts'
import { pairedRatio, summarizeSamples } from './bench/stats.ts'
import { BENCH_USAGE } from './cli/usage.ts'
import { PROJECT_ROOT } from './project.ts'

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string', default: '5' },
    out: { type: 'string' },
    only: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
})
if (values.help) {
  console.log(BENCH_USAGE)
  process.exit(0)
}
const quick = values.quick ?? false
const runs = quick ? 1 : Number(values.runs)
const out = path.resolve(values.out ?? path.join(PROJECT_ROOT, 'docs', quick ? 'benchmarks-quick.md' : 'benchmarks.md'))

await rm(SCRATCH, { recursive: true, force: true })
const cases = (await benchCases({ quick, scratch: SCRATCH })).filter((c) => !values.only || c.name.includes(values.only))
const results: CaseResult[] = []
for (const c of cases) {
  console.log(`bench: ${c.name}`)
  if (!quick) {
    await measure(await c.a())
    if (c.b) await measure(await c.b.run())
  }
  const a: Sample[] = []
  const b: Sample[] = []
  for (let i = 0; i < runs; i++) {
    a.push(await measure(await c.a()))
    if (c.b) b.push(await measure(await c.b.run()))
  }
  results.push({
    name: c.name,
    target: c.target,
    a: summarizeSamples(a),
    ...(c.b
      ? {
          b: {
            label: c.b.label,
            summary: summarizeSamples(b),
            wallRatio: pairedRatio(a, b, 'wallMs'),
            peakRatio: pairedRatio(a, b, 'peakMiB'),
          },
        }
      : {}),
  })
}
if (!values.only || 'live edit'.includes(values.only)) {
  console.log('bench: live edit')
  const samples = await measureLiveEdits(SCRATCH, quick ? 2 : 2 * runs)
  results.push({
    name: 'live edit: saving the brief → the change shows in an open presenter view',
    target: '≤ 1 s (median)',
    a: summarizeSamples(samples),
  })
}
if (!values.only || 'library'.includes(values.only)) {
  // How the build's check grows with the number of briefs: 25, 50, 100.
  for (const count of quick ? [100] : [25, 50, 100]) {
    console.log(`bench: library of ${count} briefs`)
    const figures = await measureLibrary(SCRATCH, count, runs)
    results.push(
      { name: `library of ${count} briefs: first \`npm run build\` (all built; node scripts/bin/build.mjs, no npm)`, target: '—', a: summarizeSamples([figures.first]) },
      { name: `library of ${count} briefs: \`npm run build\`, nothing changed (no npm)`, target: '≤ 1 s', a: summarizeSamples(figures.unchanged) },
      {
        name: `library of ${count} briefs: \`npm run build\`, one brief changed (no npm; built ${[...new Set(figures.builtWhenOneChanged)].join(' or ')} each time)`,
        target: 'that brief alone',
        a: summarizeSamples(figures.oneChanged),
      },
    )
  }
}
// Not in a full run: 100 briefings' static builds take the best part of an hour; `--only shards` asks for it.
if (values.only === 'shards' || (quick && !values.only)) {
  const [count, shards, options] = quick ? [3, 2, ['--deck', 'en', '--no-downloads']] : [100, 4, []]
  console.log(`bench: site of ${count} briefings, whole and in ${shards} shards`)
  const figures = await measureShards(SCRATCH, count, shards, options)
  const longest = figures.shardRuns.reduce((a, b) => (b.wallMs > a.wallMs ? b : a))
  const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`
  const what = `${count} briefings, \`--public --no-cache${options.length > 0 ? ` ${options.join(' ')}` : ''}\``
  results.push(
    { name: `site of ${what}: one run (site ${mib(figures.wholeBytes)})`, target: '—', a: summarizeSamples([figures.whole]) },
    {
      name: `site of ${what}: longest of ${shards} shards, one after another here (side by side in CI; shards ${figures.shardRuns.map((s) => `${(s.wallMs / 1000).toFixed(0)} s`).join(', ')})`,
      target: '≈ one run ÷ shards',
      a: summarizeSamples([longest]),
    },
    { name: `site of ${what}: \`--assemble\` of the ${shards} shards (site ${mib(figures.siteBytes)})`, target: '—', a: summarizeSamples([figures.assemble]) },
  )
}
// Sizes of a desk's site by its number of briefings (the 100-briefing figure is the shards run's).
if (values.only === 'site size' || (quick && !values.only)) {
  const counts = quick ? [1] : [1, 10]
  console.log(`bench: site size of ${counts.join(', ')} briefing(s)`)
  const sizes = await measureSiteSizes(SCRATCH, counts)
  const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1)
  for (const size of sizes) {
    const added = size.briefings > 1 ? `; ${mib((size.bytes - sizes[0]!.bytes) / (size.briefings - 1))} MiB for each briefing past the first` : ''
    results.push({
      name: `site size: ${size.briefings} synthetic briefing(s), \`--public\`: ${mib(size.bytes)} MiB${added} (time: the build, cache as it was)`,
      target: 'a briefing adds its own decks and downloads, not the fonts',
      a: summarizeSamples([size.run]),
    })
  }
}
const report = renderReport(results, { quick, runs, date: new Date().toISOString().slice(0, 10) })
await mkdir(path.dirname(out), { recursive: true })
await writeFile(out, report)
console.log(`\n${report}\nbench: written to ${path.relative(process.cwd(), out)}`)
