/**
 * A briefing's name is its brief's file name (`content/NAME.txt`), and it
 * becomes a folder (`slides/NAME/`), part of web addresses (`NAME/en/` in the
 * site) and of Slidev's paths. Lowercase ASCII letters, digits and single
 * hyphens carry through all of them unchanged, on every file system.
 */
const NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
export const MAX_NAME_LENGTH = 64

export function isBriefName(name: string): boolean {
  return name.length <= MAX_NAME_LENGTH && NAME.test(name)
}
