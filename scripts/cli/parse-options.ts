import { parseArgs, type ParseArgsConfig } from 'node:util'
import { cliMessages } from '../messages.ts'
import { UserError } from '../io/user-error.ts'
import { parseMinutes } from '../timing/clock.ts'
import { isScheme, type Scheme } from '../deck/scheme.ts'
import { suggestOption } from './suggest-option.ts'

type Options = NonNullable<ParseArgsConfig['options']>

/**
 * Node's own option parser, strict and without positionals, for every
 * command: an unknown or malformed option becomes a UserError naming the
 * command's `--help`.
 */
export function parseOptions<const O extends Options>(argv: string[], options: O, command: string) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values
  } catch (error) {
    throw new UserError(cliMessages.badOptions(explainOptionError(error, options), command))
  }
}

/** As `parseOptions`, also taking names of briefings (`npm start NAME`, `npm run export A B`). */
export function parseOptionsAndNames<const O extends Options>(argv: string[], options: O, command: string) {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, strict: true, allowPositionals: true })
    return { values, names: positionals }
  } catch (error) {
    throw new UserError(cliMessages.badOptions(explainOptionError(error, options), command))
  }
}

/**
 * Node's message for an option it refused, with the option most likely meant
 * when one is close (`--minute` → `--minutes`).
 */
export function explainOptionError(error: unknown, options: Options): string {
  // Node adds how to pass a positional that starts with '-': no briefing name does, so it only confuses.
  const message = (error as Error).message.replace(/\. To specify a positional argument starting with a '-'.*$/s, '')
  const unknown = /^Unknown option '(--[^']+)'/.exec(message)?.[1]
  const meant = unknown && suggestOption(unknown, Object.keys(options))
  return meant ? cliMessages.didYouMean(unknown, meant) : message
}

/**
 * `--scheme light|dark` of build, start, export and site: the slides' colours. Light is the
 * default and is left out (undefined), so that decks built without the option stay current.
 */
export function schemeOption(value: string | undefined, command: string): Scheme | undefined {
  if (value === undefined || value === 'light') return undefined
  if (!isScheme(value)) throw new UserError(cliMessages.badScheme(value, command))
  return value
}

/** `--minutes N` of build and start: a UserError naming the command's help for anything but a slot. */
export function minutesOption(value: string | undefined, command: string): number | undefined {
  if (value === undefined) return undefined
  const minutes = parseMinutes(value)
  if (minutes === undefined) throw new UserError(cliMessages.badMinutes(value, command))
  return minutes
}
