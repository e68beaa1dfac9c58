/**
 * The golden cases: each folder in tests/fixtures/golden holds a brief (and
 * maybe its extras) and the decks it must build to.
 */
import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { buildDecks, type BuildResult } from '../../scripts/pipeline.ts'
import { PROJECT_ROOT, addonPathFor, extrasPathFor, projectRelative } from '../../scripts/project.ts'

export const GOLDEN = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'golden')

export async function goldenCases(): Promise<string[]> {
  return (await readdir(GOLDEN, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name)
}

/** What the pipeline builds today for one case, as `npm run build` would. */
export async function buildGoldenCase(name: string): Promise<BuildResult> {
  const dir = path.join(GOLDEN, name)
  const brief = path.join(dir, 'brief.txt')
  const extras = extrasPathFor(brief)
  return buildDecks({
    briefFile: projectRelative(brief),
    briefBytes: await readFile(brief),
    ...(existsSync(extras) ? { extras: { file: projectRelative(extras), text: await readFile(extras, 'utf8') } } : {}),
    source: projectRelative(brief),
    addonPath: addonPathFor(dir),
    normalizePunctuation: true,
  })
}
