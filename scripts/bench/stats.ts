import type { Sample } from './measure.ts'

export interface Summary {
  median: number
  min: number
  max: number
}

export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
  return { median, min: sorted[0] ?? NaN, max: sorted[sorted.length - 1] ?? NaN }
}

export interface SampleSummary {
  runs: number
  wallMs: Summary
  cpuMs: Summary
  peakMiB: Summary
}

export function summarizeSamples(samples: readonly Sample[]): SampleSummary {
  return {
    runs: samples.length,
    wallMs: summarize(samples.map((s) => s.wallMs)),
    cpuMs: summarize(samples.map((s) => s.cpuMs)),
    peakMiB: summarize(samples.map((s) => s.peakMiB)),
  }
}

/** The median of the per-pair ratios a_i / b_i: pairs were run back to back, so they share the machine's mood. */
export function pairedRatio(a: readonly Sample[], b: readonly Sample[], key: keyof Sample): Summary {
  return summarize(a.map((sample, i) => sample[key] / (b[i]?.[key] ?? NaN)))
}
