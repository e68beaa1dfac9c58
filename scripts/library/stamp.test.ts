import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { PROJECT_ROOT } from '../project.ts'
import { generatorFiles } from './generator-key.ts'
import { inputKey } from './stamp.ts'

const inputs = { brief: new TextEncoder().encode('brief'), extras: 'title: x', settings: { notes: 'en' }, generator: 'g1' }

describe('what makes a brief count as changed', () => {
  it('is each of its inputs: the brief, the extras, the options, the generator', () => {
    const key = inputKey(inputs)
    expect(inputKey({ ...inputs })).toBe(key)
    expect(inputKey({ ...inputs, brief: new TextEncoder().encode('brief ') })).not.toBe(key)
    expect(inputKey({ ...inputs, extras: undefined })).not.toBe(key)
    expect(inputKey({ ...inputs, extras: 'title: y' })).not.toBe(key)
    expect(inputKey({ ...inputs, settings: { notes: 'zh-Hant' } })).not.toBe(key)
    expect(inputKey({ ...inputs, generator: 'g2' })).not.toBe(key)
  })

  it('counts as the generator the code that makes decks and the lockfile, not the tests', () => {
    const files = generatorFiles().map((file) => path.relative(PROJECT_ROOT, file))
    for (const file of ['scripts/pipeline.ts', 'scripts/deck/render.ts', 'scripts/brief/parse.ts', 'scripts/extras/schema.ts', 'package-lock.json']) expect(files).toContain(file)
    expect(files.filter((file) => file.endsWith('.test.ts'))).toEqual([])
  })
})
