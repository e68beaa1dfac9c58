import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { exporterKey, outputKey } from '../export/output-cache.ts'
import { PROJECT_ROOT } from '../project.ts'
import { buildKey, type KeyInput } from './build-key.ts'

let root: string
let input: KeyInput

/** A project with every kind of input the decks' builds read. */
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'briefdeck-key-'))
  const files: Record<string, string> = {
    'style.css': "@import '@fontsource/noto-sans-tc/400.css';\nbody { color: black }",
    'index.html': '<link rel="icon" href="data:,">',
    'custom-nav-controls.vue': '<template><button>中/EN</button></template>',
    'components/DeckPoint.vue': '<template><li><slot /></li></template>',
    'setup/main.ts': 'export default () => {}',
    'slides/bilingual.md': '---\ntheme: default\n---\n\n# Hello',
    'package-lock.json': '{"lockfileVersion": 3}',
    'node_modules/@fontsource/noto-sans-tc/package.json': '{"version": "5.3.0"}',
    'node_modules/@slidev/cli/package.json': '{"version": "52.20.1"}',
  }
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true })
    await writeFile(path.join(root, name), text)
  }
  input = {
    deckText: '---\ntheme: default\n---\n\n# Hello',
    flags: ['--base', './'],
    roots: [root, path.join(root, 'slides')],
    lockfile: path.join(root, 'package-lock.json'),
    nodeModules: path.join(root, 'node_modules'),
  }
})

afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

describe('the key of a static build', () => {
  it('is the same for the same inputs', async () => {
    expect(await buildKey(input)).toBe(await buildKey({ ...input }))
  })

  it('changes with the deck text and with the build flags', async () => {
    const before = await buildKey(input)
    expect(await buildKey({ ...input, deckText: input.deckText + '!' })).not.toBe(before)
    expect(await buildKey({ ...input, flags: [...input.flags, '--without-notes'] })).not.toBe(before)
  })

  it.each([
    'style.css',
    'index.html',
    'custom-nav-controls.vue',
    'components/DeckPoint.vue',
    'setup/main.ts',
    'package-lock.json',
    'node_modules/@fontsource/noto-sans-tc/package.json',
    'node_modules/@slidev/cli/package.json',
  ])('changes when %s changes', async (name) => {
    const before = await buildKey(input)
    await writeFile(path.join(root, name), ' ', { flag: 'a' })
    expect(await buildKey(input)).not.toBe(before)
  })

  it.each(['components/DeckNew.vue', 'setup/shortcuts.ts', 'slides/style.css', 'slides/components/Local.vue', 'layouts/cover.vue'])(
    'changes when %s is added',
    async (name) => {
      const before = await buildKey(input)
      await mkdir(path.dirname(path.join(root, name)), { recursive: true })
      await writeFile(path.join(root, name), 'x')
      expect(await buildKey(input)).not.toBe(before)
    },
  )

  it('does not change for files Slidev does not read (the brief, the exports)', async () => {
    const before = await buildKey(input)
    await mkdir(path.join(root, 'content'), { recursive: true })
    await writeFile(path.join(root, 'content', 'brief.txt'), 'x')
    await mkdir(path.join(root, 'exports'), { recursive: true })
    await writeFile(path.join(root, 'exports', 'en.pdf'), 'x')
    expect(await buildKey(input)).toBe(before)
  })
})

/*
 * The same on a copy of this project, with the list of what to edit made
 * here, independently of the key's code: the files Slidev reads by its
 * conventions in this project, and every local file they import, found by
 * this test's own reading of import statements.
 */

/** `import … from './x'`, `export … from '../x'`, `import './x.css'`, `import('./x')` (code loaded when used): relative specifiers only. */
const RELATIVE_IMPORT = /(?:(?:^|\n)\s*(?:import|export)\b[^'"();=]*?|\bimport\(\s*)['"](\.\.?\/[^'"]+)['"]/g

/** Every file `entries` import, transitively, by relative path from the project root (entries included). */
async function importedFrom(project: string, entries: string[]): Promise<string[]> {
  const found = new Set<string>()
  const pending = [...entries]
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (found.has(file)) continue
    found.add(file)
    const text = await readFile(path.join(project, file), 'utf8')
    for (const [, specifier] of text.matchAll(RELATIVE_IMPORT)) {
      const target = path.join(path.dirname(file), specifier!)
      // The project always writes the extension: a specifier without one would need this test taught.
      expect(existsSync(path.join(project, target)), `${file} imports ${specifier}`).toBe(true)
      pending.push(target)
    }
  }
  return [...found].sort()
}

let project: string
let deckFile: string

/** The key of a static build of the shipped English deck in the copy. */
function copyKey(flags = ['--base', './']): Promise<string> {
  return readFile(deckFile, 'utf8').then((deckText) =>
    buildKey({
      deckText,
      flags,
      roots: [project, path.dirname(deckFile)],
      lockfile: path.join(project, 'package-lock.json'),
      nodeModules: path.join(project, 'node_modules'),
    }),
  )
}

/** The key of the export's cached files of the same deck, as scripts/export/export-decks.ts makes it. */
async function printKey(): Promise<string> {
  return outputKey(await copyKey(['print']), await exporterKey(project), 'en', undefined)
}

/** The files of `files` whose gaining a byte leaves `key` as it was (each is restored before the next). */
async function keyIgnores(files: string[], key: () => Promise<string>): Promise<string[]> {
  const before = await key()
  const ignored = []
  for (const file of files) {
    const target = path.join(project, file)
    const original = await readFile(target)
    await writeFile(target, Buffer.concat([original, Buffer.from('\n')]))
    if ((await key()) === before) ignored.push(file)
    await writeFile(target, original)
  }
  expect(await key(), 'every file restored').toBe(before)
  return ignored
}

const SKIPPED = new Set(['node_modules', '.git', '.tmp', 'dist', 'exports', 'shots'])

beforeAll(async () => {
  project = await mkdtemp(path.join(os.tmpdir(), 'briefdeck-key-project-'))
  await cp(PROJECT_ROOT, project, {
    recursive: true,
    filter: (source) => !path.relative(PROJECT_ROOT, source).split(path.sep).some((part) => SKIPPED.has(part)),
  })
  // Packages are read, never edited: the project's own will do.
  await symlink(path.join(PROJECT_ROOT, 'node_modules'), path.join(project, 'node_modules'))
  deckFile = path.join(project, 'slides', 'regime-security', 'en.md')
})

afterAll(async () => {
  if (project) await rm(project, { recursive: true, force: true })
})

/** What shapes a deck's build in this project: Slidev's conventional files here, and what they import. */
async function buildInputs(): Promise<string[]> {
  const conventional = [
    ...(await readdir(path.join(project, 'setup'))).map((name) => `setup/${name}`),
    ...(await readdir(path.join(project, 'components'))).map((name) => `components/${name}`),
    'style.css',
    'index.html',
    'custom-nav-controls.vue',
  ]
  return [...(await importedFrom(project, conventional)), 'package.json', 'package-lock.json', 'tsconfig.json']
}

/** Files that shape no build and no export: the key must not change with them. */
const OUTSIDE = [
  'README.md',
  'content/regime-security.txt',
  'tests/export/export.test.ts',
  'tests/support/tmp.ts',
  'scripts/builds/build-key.test.ts',
  'scripts/present/client-edits.test.ts',
  'scripts/bench.ts',
  'scripts/present/room-server.ts',
  'vitest.config.ts',
]

describe("the key of this project's decks", () => {
  it("changes with every file a deck's build reads, down to what setup/ imports from scripts/", async () => {
    const inputs = await buildInputs()
    // What the issue measured: the client edits reach every build through setup/vite-plugins.ts.
    expect(inputs).toEqual(expect.arrayContaining(['scripts/present/slidev-plugin.ts', 'scripts/present/client-edits.ts', 'scripts/timing/pace.ts']))
    expect(await keyIgnores(inputs, copyKey)).toEqual([])
  }, 60_000)

  it('does not change with a test, the README, the brief or code no build imports', async () => {
    expect(await keyIgnores(OUTSIDE, copyKey)).toEqual(OUTSIDE)
  }, 60_000)
})

describe("the key of the export's cached files", () => {
  it('changes with every file a build reads and every file the exporter imports', async () => {
    const exporter = await importedFrom(project, ['scripts/export/export-decks.ts'])
    expect(exporter).toEqual(expect.arrayContaining(['scripts/export/pptx.ts', 'scripts/print/print-css.ts', 'scripts/export/handout-html.ts']))
    const inputs = [...new Set([...(await buildInputs()), ...exporter])]
    expect(await keyIgnores(inputs, printKey)).toEqual([])
  }, 120_000)

  it('does not change with a test, the README, the brief or code the exporter does not import', async () => {
    expect(await keyIgnores(OUTSIDE, printKey)).toEqual(OUTSIDE)
  }, 60_000)
})
