/**
 * `npm run golden:update`: rewrites the expected decks of every golden case
 * after an intended change. Review the diff before committing. (The test
 * itself only ever compares, so it cannot pass by writing what it reads.)
 */
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { VARIANTS } from '../../scripts/deck/variant.ts'
import { GOLDEN, buildGoldenCase, goldenCases } from './cases.ts'

for (const name of await goldenCases()) {
  const result = await buildGoldenCase(name)
  if (!result.ok) throw new Error(`golden brief ${name} does not build: ${JSON.stringify(result.diagnostics)}`)
  for (const variant of VARIANTS) await writeFile(path.join(GOLDEN, name, `${variant}.md`), result.decks[variant])
  console.log(`golden case ${name}: wrote ${VARIANTS.map((variant) => `${variant}.md`).join(', ')}`)
}
