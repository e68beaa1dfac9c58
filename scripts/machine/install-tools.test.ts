import { describe, expect, it } from 'vitest'
import { ensureTools } from './install-tools.ts'
import type { Machine } from './machine.ts'
import { TEST_TOOLS, type Tool } from './test-tools.ts'

const PDFTOPPM: Tool = { command: 'pdftoppm', debianPackage: 'poppler-utils', purpose: 'renders PDF pages' }
const SOFFICE: Tool = { command: 'soffice', debianPackage: 'libreoffice-impress', purpose: 'opens the PPTX' }

/**
 * A machine with `has` on PATH; a successful `apt-get install` puts the named
 * packages' commands there, but only after `apt-get update` when `staleLists`.
 */
function machine(options: { has?: string[]; root?: boolean; apt?: boolean; staleLists?: boolean; aptFails?: boolean }) {
  const onPath = new Set(options.has ?? [])
  if (options.apt ?? true) onPath.add('apt-get')
  const ran: string[] = []
  let updated = false
  const commandOf: Record<string, string> = { 'poppler-utils': 'pdftoppm', 'libreoffice-impress': 'soffice' }
  const fake: Machine = {
    which: (command) => (onPath.has(command) ? `/usr/bin/${command}` : undefined),
    run: (command, args) => {
      ran.push([command, ...args].join(' '))
      if (command !== 'apt-get' || options.aptFails) return false
      if (args[0] === 'update') return (updated = true)
      if (options.staleLists && !updated) return false
      for (const name of args.filter((arg) => !arg.startsWith('-') && arg !== 'install')) onPath.add(commandOf[name]!)
      return true
    },
    isRoot: () => options.root ?? true,
  }
  return { fake, ran }
}

function setUp(options: Parameters<typeof machine>[0], tools: readonly Tool[] = [PDFTOPPM, SOFFICE]) {
  const said: string[] = []
  const { fake, ran } = machine(options)
  const ok = ensureTools(tools, (line) => said.push(line), fake)
  return { ok, said, ran }
}

describe('npm run setup (ensureTools)', () => {
  it('names pdftoppm from poppler-utils and soffice from LibreOffice Impress as what the tests use', () => {
    expect(TEST_TOOLS.map((tool) => [tool.command, tool.debianPackage])).toEqual([
      ['pdftoppm', 'poppler-utils'],
      ['soffice', 'libreoffice-impress'],
    ])
  })

  it('uses the tools that are there, installing nothing, a line each', () => {
    const { ok, said, ran } = setUp({ has: ['pdftoppm', 'soffice'] })
    expect(ok).toBe(true)
    expect(ran).toEqual([])
    expect(said).toEqual(['briefdeck: using pdftoppm at /usr/bin/pdftoppm', 'briefdeck: using soffice at /usr/bin/soffice'])
  })

  it("installs the missing ones from Debian's packages in one call, without recommended extras, and says what it installed", () => {
    const { ok, said, ran } = setUp({ has: ['pdftoppm'] })
    expect(ok).toBe(true)
    expect(ran).toEqual(['apt-get install -y -q --no-install-recommends libreoffice-impress'])
    expect(said).toEqual([
      'briefdeck: using pdftoppm at /usr/bin/pdftoppm',
      "briefdeck: installing Debian's libreoffice-impress for the tests (apt-get install libreoffice-impress; a few minutes)…",
      "briefdeck: installed soffice at /usr/bin/soffice (Debian's libreoffice-impress)",
    ])
  })

  it('updates the package lists when a fresh machine has none, then installs', () => {
    const { ok, ran } = setUp({ staleLists: true })
    expect(ok).toBe(true)
    expect(ran).toEqual([
      'apt-get install -y -q --no-install-recommends poppler-utils libreoffice-impress',
      'apt-get update -q',
      'apt-get install -y -q --no-install-recommends poppler-utils libreoffice-impress',
    ])
  })

  it('says how to install each missing tool, and fails, when this user may not install packages', () => {
    const { ok, said, ran } = setUp({ root: false })
    expect(ok).toBe(false)
    expect(ran).toEqual([])
    expect(said).toEqual([
      'briefdeck: no pdftoppm (it renders PDF pages): install poppler-utils (Debian: `sudo apt-get install poppler-utils`), then run `npm test` again.',
      'briefdeck: no soffice (it opens the PPTX): install libreoffice-impress (Debian: `sudo apt-get install libreoffice-impress`), then run `npm test` again.',
    ])
  })

  it('fails with the same lines when apt-get cannot install them', () => {
    const { ok, said } = setUp({ aptFails: true })
    expect(ok).toBe(false)
    expect(said.at(-1)).toMatch(/^briefdeck: no soffice .*install libreoffice-impress/)
  })
})
