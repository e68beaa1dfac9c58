import { formatDiagnostic } from '../diagnostic.ts'
import type { Output } from '../io/output.ts'
import { makeCurrent, type BuildOptions, type Made } from '../library/make-current.ts'
import { cliMessages, libraryMessages } from '../messages.ts'

/**
 * Says what became of a brief, as every command that makes decks current
 * says it: its problems, or its warnings and what was written, or (with
 * `sayCurrent`) that the decks already show it. Returns the exit code: 1
 * when the brief was refused, else 0.
 */
export function printMade(made: Made, output: Output, sayCurrent = true): number {
  switch (made.outcome) {
    case 'refused':
      for (const diagnostic of made.diagnostics) output.err(formatDiagnostic(diagnostic))
      output.err(cliMessages.refused(made.diagnostics.length, made.file))
      return 1
    case 'current':
      if (sayCurrent) output.out(libraryMessages.current(made.decks, made.source))
      return 0
    case 'built':
      for (const warning of made.warnings) output.err(formatDiagnostic(warning))
      if (made.overSlot) output.err(cliMessages.overSlot(made.overSlot))
      if (made.normalized.length > 0) output.out(cliMessages.normalizedPunctuation(made.normalized, made.source))
      output.out(cliMessages.built(made.decks, made.slides, made.source))
      if (made.shortened > 0 && !made.extrasDraft) output.out(cliMessages.headlinesShortened(made.shortened, made.source))
      return 0
  }
}

/** Makes a brief's decks current (scripts/library/make-current.ts) and says what became of it; returns the exit code. */
export async function buildAndSay(options: BuildOptions, output: Output): Promise<number> {
  return printMade(await makeCurrent(options), output)
}
