import { spawnSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { validateWorkflow } from '@action-validator/core'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { parseSiteArgs } from '../../scripts/cli/site.ts'
import { PROJECT_ROOT } from '../../scripts/project.ts'

const WORKFLOW = path.join(PROJECT_ROOT, '.github', 'workflows', 'site.yml')

interface Step {
  uses?: string
  run?: string
  with?: Record<string, unknown>
}
interface Job {
  needs?: string | string[]
  strategy?: { matrix?: { shard?: number[] } }
  permissions?: Record<string, string>
  steps: Step[]
}

const text = await readFile(WORKFLOW, 'utf8')
const workflow = parse(text) as { on: Record<string, unknown>; jobs: Record<string, Job> }
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps)
const runs = steps.flatMap((step) => (step.run ? step.run.trim().split('\n') : []))
const scripts = (JSON.parse(await readFile(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts

/** A command line's words, GitHub's expressions replaced by what they would be in shard 2 of 4. */
const words = (line: string) =>
  line
    .replace(/\$\{\{\s*matrix\.shard\s*\}\}/g, '2')
    .replace(/\$\{\{\s*strategy\.job-total\s*\}\}/g, '4')
    .split(/\s+/)

describe('the site workflow (.github/workflows/site.yml)', () => {
  it("is valid against GitHub's workflow schema (action-validator)", () => {
    expect(validateWorkflow(text).errors).toEqual([])
  })

  it('the validator does catch a mistake in it', () => {
    expect(validateWorkflow(text.replace('runs-on: ubuntu-latest', 'runs-onn: ubuntu-latest')).errors).not.toEqual([])
  })

  it('runs on a push to main and by hand', () => {
    expect(workflow.on).toEqual({ push: { branches: ['main'] }, workflow_dispatch: null })
  })

  it("runs only npm ci and the project's own scripts, with options the scripts accept", () => {
    for (const line of runs) {
      const [npm, verb, name, ...rest] = words(line)
      expect(npm, line).toBe('npm')
      if (verb === 'ci') continue
      expect(verb, line).toBe('run')
      expect(Object.keys(scripts), line).toContain(name)
      if (name === 'site') {
        expect(rest[0], line).toBe('--')
        expect(parseSiteArgs(rest.slice(1)), line).not.toBe('help')
      }
    }
    expect(runs.filter((line) => line.startsWith('npm run site'))).toHaveLength(2)
  })

  it('builds N shards as a matrix, each with --shard K/N and its own cache of builds, then joins them', () => {
    const shard = workflow.jobs.shard!
    expect(shard.strategy?.matrix?.shard).toEqual([1, 2, 3, 4])
    const site = parseSiteArgs(words(shard.steps.find((step) => step.run?.startsWith('npm run site'))!.run!).slice(4))
    expect(site).toMatchObject({ shard: { index: 2, count: 4 }, public: true })
    const cache = shard.steps.find((step) => step.uses?.startsWith('actions/cache@'))!
    expect(cache.with?.path).toBe('node_modules/.cache/briefdeck')
    expect(cache.with?.key).toMatch(/shard-\$\{\{ matrix\.shard \}\}-of-\$\{\{ strategy\.job-total \}\}-\$\{\{ hashFiles\('content\/\*\*'/)
    // After npm ci (it empties node_modules), before the site is built.
    const order = shard.steps.map((step) => step.run ?? step.uses ?? '')
    expect(order.findIndex((step) => step.startsWith('npm ci'))).toBeLessThan(order.indexOf(cache.uses!))
    expect(order.indexOf(cache.uses!)).toBeLessThan(order.findIndex((step) => step.startsWith('npm run site')))
    const upload = shard.steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'))!
    expect(upload.with).toMatchObject({ 'include-hidden-files': true })
    const assemble = workflow.jobs.assemble!
    expect(assemble.needs).toBe('shard')
    expect(parseSiteArgs(words(assemble.steps.find((step) => step.run?.startsWith('npm run site'))!.run!).slice(4))).toMatchObject({ out: path.join(PROJECT_ROOT, 'dist') })
  })

  it("deploys with GitHub's own Pages actions", () => {
    expect(steps.map((step) => step.uses?.replace(/@.*/, '')).filter((uses) => uses?.includes('pages'))).toEqual([
      'actions/configure-pages',
      'actions/upload-pages-artifact',
      'actions/deploy-pages',
    ])
    expect(workflow.jobs.deploy!.permissions).toEqual({ pages: 'write', 'id-token': 'write' })
  })

  it('sets up Chromium alone with `npm run setup -- --browser`, as a user would', () => {
    expect(runs).toContain('npm run setup -- --browser')
    const setup = spawnSync(process.execPath, ['scripts/bin/setup.mjs', '--browser'], { cwd: PROJECT_ROOT, encoding: 'utf8' })
    expect(setup.status, setup.stderr).toBe(0)
    expect(setup.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^briefdeck: using Chromium at /)])
  })
})
