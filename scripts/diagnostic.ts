import type { Position } from './brief/model.ts'

export type Severity = 'error' | 'warning'

/** A problem found in the user's input: data, never an exception. */
export interface Diagnostic {
  file: string
  position: Position
  severity: Severity
  /** What is wrong, in one sentence. */
  reason: string
  /** What to do about it. */
  hint: string
  /** Stable name of the rule, for tests and for searching the docs. */
  ruleId: string
}

/** `FILE:LINE:COL  error  reason  rule-id`, then the hint on its own indented line. */
export function formatDiagnostic(d: Diagnostic): string {
  const place = `${d.file}:${d.position.line}:${d.position.column}`
  return `${place}  ${d.severity}  ${d.reason}  ${d.ruleId}\n    hint: ${d.hint}`
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error')
}

/** Orders diagnostics by file, then position, so output is stable and reads top to bottom. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.position.line - b.position.line ||
      a.position.column - b.position.column,
  )
}
