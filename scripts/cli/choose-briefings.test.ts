import { describe, expect, it } from 'vitest'
import type { Library } from '../library/list-briefs.ts'
import { checkNames, chooseBriefings } from './choose-briefings.ts'
import { UserError } from '../io/user-error.ts'

const library = (...names: string[]): Library => ({ briefings: names.map((name) => ({ name, brief: `/c/${name}.txt` })), misnamed: [] })

/** The UserError a call throws, as the CLI prints it. */
function refusal(call: () => unknown): { message: string; exitCode: number } {
  try {
    call()
  } catch (error) {
    if (error instanceof UserError) return { message: error.message, exitCode: error.exitCode }
    throw error
  }
  throw new Error('not refused')
}

describe('choosing briefings', () => {
  it('needs no name when content/ holds one brief', () => {
    expect(chooseBriefings(library('alpha'), [], 'npm start', false).map((b) => b.name)).toEqual(['alpha'])
  })

  it('with several and none named, refuses in one line listing them all, exit 2', () => {
    const { message, exitCode } = refusal(() => chooseBriefings(library('alpha', 'beta', 'gamma'), [], 'npm start', false))
    expect(exitCode).toBe(2)
    expect(message.split('\n')).toHaveLength(1)
    expect(message).toMatch(/content\/ holds 3 briefings: name the one to use, as in `npm start alpha`; they are alpha, beta, gamma\./)
  })

  it('takes all of them where the command does (build, site)', () => {
    expect(chooseBriefings(library('alpha', 'beta'), [], 'npm run site', true).map((b) => b.name)).toEqual(['alpha', 'beta'])
  })

  it('takes those named, once each, in the order named', () => {
    expect(chooseBriefings(library('alpha', 'beta', 'gamma'), ['gamma', 'alpha', 'gamma'], 'x', false).map((b) => b.name)).toEqual(['gamma', 'alpha'])
  })

  it('refuses a name content/ lacks, listing those it has', () => {
    expect(refusal(() => chooseBriefings(library('alpha', 'beta'), ['gama'], 'x', false)).message).toBe('No briefing "gama" (no content/gama.txt): the briefings are alpha, beta.')
  })

  it('says what to do when content/ is empty', () => {
    expect(refusal(() => chooseBriefings(library(), [], 'npm start', false)).message).toMatch(/content\/ holds no brief: put one there as NAME\.txt/)
  })

  it('refuses a path or anything else given where a name goes', () => {
    expect(refusal(() => checkNames(['alpha', 'content/alpha.txt'])).message).toMatch(/^content\/alpha\.txt is not the name of a briefing/)
  })
})
