import { libraryMessages } from '../messages.ts'
import type { Briefing, Library } from '../library/list-briefs.ts'
import { isBriefName } from '../library/names.ts'
import { UserError } from '../io/user-error.ts'

/**
 * The briefings a command works on. Named ones must exist. With none named:
 * every briefing where the command takes all of them (build, site), else the
 * only one; with several, one line lists them (exit 2).
 */
export function chooseBriefings(library: Library, names: string[], command: string, allByDefault: boolean): Briefing[] {
  const known = library.briefings.map((briefing) => briefing.name)
  if (names.length > 0) {
    return [...new Set(names)].map((name) => {
      const found = library.briefings.find((briefing) => briefing.name === name)
      if (!found) throw new UserError(libraryMessages.unknown(name, known))
      return found
    })
  }
  if (library.briefings.length === 0) throw new UserError(libraryMessages.none())
  if (allByDefault || library.briefings.length === 1) return library.briefings
  throw new UserError(libraryMessages.chooseOne(command, known))
}

/** Names given on the command line, checked as they are read (a path or an option's value given in place of a name). */
export function checkNames(names: string[]): string[] {
  for (const name of names) if (!isBriefName(name)) throw new UserError(libraryMessages.notAName(name))
  return names
}
