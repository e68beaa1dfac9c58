/**
 * The layers of scripts/: the commands in scripts/cli/ parse arguments, call
 * the modules below them and print what those return; nothing below calls
 * up into scripts/cli/, and no command calls another (making a briefing's
 * decks current is scripts/library/make-current.ts, which all of them use).
 */
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { PROJECT_ROOT } from '../project.ts'

const SCRIPTS = path.join(PROJECT_ROOT, 'scripts')
const CLI = path.join(SCRIPTS, 'cli')
/** The commands' own modules (the others in scripts/cli/ are helpers they share). */
const COMMANDS = ['build.ts', 'start.ts', 'export.ts', 'site.ts', 'shots.ts'].map((name) => path.join(CLI, name))

/** Every module of scripts/ (tests left out) and the project files it imports, static or dynamic, types too. */
async function importsOfScripts(): Promise<Map<string, string[]>> {
  const files = (await readdir(SCRIPTS, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name))
  const imports = new Map<string, string[]>()
  for (const file of files) {
    const source = await readFile(file, 'utf8')
    const specifiers = [...source.matchAll(/(?:from\s+|import\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((match) => match[1]!)
    imports.set(file, specifiers.map((specifier) => path.resolve(path.dirname(file), specifier)))
  }
  return imports
}

const show = (file: string) => path.relative(PROJECT_ROOT, file)

describe('the layers of scripts/', () => {
  it('finds the commands and their imports', async () => {
    const imports = await importsOfScripts()
    for (const command of COMMANDS) expect(imports.get(command)?.length, show(command)).toBeGreaterThan(3)
  })

  it('nothing below scripts/cli/ imports from it (the entry points scripts/*.ts are the process edge above it)', async () => {
    const upward = [...(await importsOfScripts())]
      .filter(([file]) => !file.startsWith(`${CLI}${path.sep}`) && path.dirname(file) !== SCRIPTS)
      .flatMap(([file, targets]) => targets.filter((target) => target.startsWith(`${CLI}${path.sep}`)).map((target) => `${show(file)} → ${show(target)}`))
    expect(upward).toEqual([])
  })

  it('no command imports another command', async () => {
    const imports = await importsOfScripts()
    const across = COMMANDS.flatMap((command) =>
      (imports.get(command) ?? []).filter((target) => COMMANDS.includes(target) && target !== command).map((target) => `${show(command)} → ${show(target)}`),
    )
    expect(across).toEqual([])
  })
})
