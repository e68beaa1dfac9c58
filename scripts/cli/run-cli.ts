import type { Output } from '../io/output.ts'
import { UserError } from '../io/user-error.ts'

/**
 * The process edge every command shares: read the options (or answer
 * `--help`), run, and return the exit code. A UserError is printed in one
 * line with its code; any other error is a bug and keeps its stack.
 */
export async function runCli<T>(
  parse: () => T | 'help',
  usage: string,
  run: (options: T) => Promise<number>,
  output: Output,
): Promise<number> {
  try {
    const options = parse()
    if (options === 'help') {
      output.out(usage)
      return 0
    }
    return await run(options)
  } catch (error) {
    if (error instanceof UserError) {
      output.err(error.message)
      return error.exitCode
    }
    throw error
  }
}
