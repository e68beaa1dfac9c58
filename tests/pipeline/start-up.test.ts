/**
 * Every command starts from its bundle (scripts/bin/run-bundled.mjs) and
 * loads its heavy work only when it does it: what a command's `--help`
 * loads is what its entry chunk imports, followed through the chunks it
 * imports statically. Speed itself is the benchmark's to measure
 * (`npm run bench`, start-up rows), not a test's.
 */
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { PROJECT_ROOT } from '../../scripts/project.ts'

const run = promisify(execFile)
const BUNDLES = path.join(PROJECT_ROOT, 'node_modules', '.cache', 'briefdeck', 'bundles')

/** Packages that take a tenth of a second or more to load, none of which a command's options need. */
const HEAVY = ['playwright-chromium', 'playwright-core', 'vue', 'vue/server-renderer', 'vue/compiler-sfc', '@unocss/core', 'unocss', 'pptxgenjs', 'jszip', 'esbuild', '@slidev/parser']

/** The packages a bundle's entry loads before it runs: its static imports, through the chunks it imports. */
async function loadedAtStart(name: string): Promise<Set<string>> {
  const record = JSON.parse(await readFile(path.join(BUNDLES, `${name}.json`), 'utf8')) as { folder: string; entry: string }
  const folder = path.join(BUNDLES, record.folder)
  const packages = new Set<string>()
  const seen = new Set<string>()
  const visit = async (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    const code = await readFile(path.join(folder, file), 'utf8')
    // Static imports only (`import x from "y"`, `import "y"`); `import("y")` loads later.
    for (const [, specifier] of code.matchAll(/\bimport\s*(?:[\w*{}\s,$]+\s*from\s*)?["']([^"']+)["']/g)) {
      if (specifier!.startsWith('./')) await visit(specifier!.slice(2))
      else packages.add(specifier!)
    }
  }
  await visit(record.entry)
  return packages
}

describe('a command’s start', () => {
  it.each(['export', 'site', 'shots', 'bench', 'setup', 'start', 'build'])('npm run %s: its --help answers, having loaded none of the heavy packages', async (command) => {
    const { stdout } = await run(process.execPath, [path.join(PROJECT_ROOT, 'scripts', 'bin', `${command}.mjs`), '--help'], { cwd: PROJECT_ROOT })
    expect(stdout).toMatch(/^Usage: npm (run )?/)
    const loaded = await loadedAtStart(`scripts-${command}`)
    expect([...loaded].filter((name) => HEAVY.includes(name))).toEqual([])
    expect(loaded.has('node:fs') || loaded.has('node:path')).toBe(true)
  })
})
