import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildKey, type KeyInput } from './build-key.ts'

let root: string
let input: KeyInput

/** A project with every kind of input the decks' builds read. */
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'briefdeck-key-'))
  const files: Record<string, string> = {
    'style.css': 'body { color: black }',
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
