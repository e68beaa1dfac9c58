import os from 'node:os'
import type { SampleSummary, Summary } from './stats.ts'

export interface CaseResult {
  name: string
  target: string
  a: SampleSummary
  b?: { label: string; summary: SampleSummary; wallRatio: Summary; peakRatio: Summary }
}

const ms = (s: Summary) => (Number.isNaN(s.median) ? '–' : `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})`)
const mib = (s: Summary) => (Number.isNaN(s.median) ? '–' : `${s.median.toFixed(0)} (${s.min.toFixed(0)}–${s.max.toFixed(0)})`)
const ratio = (s: Summary) => `${s.median.toFixed(2)}× (${s.min.toFixed(2)}–${s.max.toFixed(2)})`

function fmt(value: number): string {
  return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(0)} ms`
}

/** The report as markdown: one table of figures, one of ratios, and where they came from. */
export function renderReport(results: CaseResult[], options: { quick: boolean; runs: number; date: string }): string {
  const cpus = os.cpus()
  const machine = `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.type()} ${os.release()}`
  const lines = [
    '# briefdeck benchmarks',
    '',
    `Measured ${options.date} on ${machine}, with \`npm run bench${options.quick ? ' -- --quick' : ''}\`.`,
    options.quick
      ? 'Quick mode: one run each, small cases; the figures say only that the benchmark runs.'
      : `Each figure is the median (min–max) of ${options.runs} runs after one warm-up run; ratios are medians of per-pair ratios of runs taken in turn (A, B, A, B…).`,
    'Wall and CPU time in ms (CPU: the whole process tree); peak memory: the highest sum of resident memory of the process tree, in MiB.',
    '',
    '| case | wall | CPU | peak MiB | target |',
    '| --- | --- | --- | --- | --- |',
  ]
  for (const r of results) {
    lines.push(`| ${r.name} | ${ms(r.a.wallMs)} | ${ms(r.a.cpuMs)} | ${mib(r.a.peakMiB)} | ${r.target} |`)
    if (r.b)
      lines.push(`| ↳ baseline: ${r.b.label} | ${ms(r.b.summary.wallMs)} | ${ms(r.b.summary.cpuMs)} | ${mib(r.b.summary.peakMiB)} | |`)
  }
  const paired = results.filter((r) => r.b)
  if (paired.length > 0) {
    lines.push('', '| comparison | wall ratio | peak memory ratio |', '| --- | --- | --- |')
    for (const r of paired) lines.push(`| ${r.name} ÷ ${r.b!.label} | ${ratio(r.b!.wallRatio)} | ${ratio(r.b!.peakRatio)} |`)
  }
  return lines.join('\n') + '\n'
}
