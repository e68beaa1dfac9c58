import { describe, expect, it } from 'vitest'
import { isBriefName, MAX_NAME_LENGTH } from './names.ts'

describe('briefing names', () => {
  it.each(['regime-security', 'a', 'brief-2026-11-27', '42'])('accepts %s', (name) => expect(isBriefName(name)).toBe(true))

  it.each([
    ['a space', 'my brief'],
    ['capitals (folders differ by case on some systems, not on others)', 'Brief'],
    ['a dot (Slidev and servers read it as an extension)', 'brief.v2'],
    ['Chinese', '政權安全'],
    ['a leading hyphen (an option to a command)', '-brief'],
    ['a trailing hyphen', 'brief-'],
    ['two hyphens in a row', 'a--b'],
    ['an underscore', 'node_modules'],
    ['a percent sign', 'a%20b'],
    ['nothing', ''],
  ])('refuses %s', (_, name) => expect(isBriefName(name)).toBe(false))

  it(`refuses names over ${MAX_NAME_LENGTH} characters`, () => {
    expect(isBriefName('a'.repeat(MAX_NAME_LENGTH))).toBe(true)
    expect(isBriefName('a'.repeat(MAX_NAME_LENGTH + 1))).toBe(false)
  })
})
