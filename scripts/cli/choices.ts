import { exportMessages } from '../messages.ts'
import { UserError } from '../io/user-error.ts'

/**
 * A list option: repeated (`--deck en --deck zh-Hant`) or comma-separated
 * (`--deck en,zh-Hant`), each value one of `choices`. Absent: all of them.
 * Returned in the order of `choices`, without repeats.
 */
export function parseChoices<T extends string>(values: string[] | undefined, choices: readonly T[], option: string, command: string): T[] {
  if (!values || values.length === 0) return [...choices]
  const given = values.flatMap((value) => value.split(',')).map((value) => value.trim()).filter((value) => value !== '')
  for (const value of given) {
    if (!(choices as readonly string[]).includes(value)) throw new UserError(exportMessages.badChoice(option, value, choices, command))
  }
  return choices.filter((choice) => given.includes(choice))
}
