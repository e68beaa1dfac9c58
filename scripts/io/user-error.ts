/**
 * An expected failure the user can fix (a bad option, a missing file): the
 * CLI prints its message and exits with `exitCode`, without a stack trace.
 * Any other exception is a bug and keeps its stack.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message)
    this.name = 'UserError'
  }
}
