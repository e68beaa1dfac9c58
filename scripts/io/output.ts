/** Where a command's lines go: its report (`out`) and its problems (`err`). Tests give their own. */
export interface Output {
  out: (line: string) => void
  err: (line: string) => void
  /**
   * Replaces the line being drawn by this one (a terminal's progress line,
   * scripts/io/progress.ts); `''` clears it. Only an output that is a
   * terminal has it: a pipe or a CI log gets whole lines through `out`.
   */
  redraw?: (line: string) => void
}

/** Standard output is a person's terminal, not a log: CI runners give a terminal to some jobs, and their logs keep every byte. */
const onTerminal = process.stdout.isTTY === true && !process.env.CI

export const consoleOutput: Output = {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  ...(onTerminal ? { redraw: (line: string) => void process.stdout.write(`\r\x1b[K${line}`) } : {}),
}
