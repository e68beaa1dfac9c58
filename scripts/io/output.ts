/** Where a command's lines go: its report (`out`) and its problems (`err`). Tests give their own. */
export interface Output {
  out: (line: string) => void
  err: (line: string) => void
}

export const consoleOutput: Output = { out: (line) => console.log(line), err: (line) => console.error(line) }
