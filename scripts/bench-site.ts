#!/usr/bin/env -S npx tsx
// `npm run site` on another desk than the project's (the benchmark's desk of
// synthetic briefs): `node scripts/bench/run-site.mjs DESK OPTIONS…` runs it as
// `node scripts/bin/site.mjs` would on DESK/content.
import path from 'node:path'
import { parseSiteArgs, runSite } from './cli/site.ts'

const root = path.resolve(process.argv[2] ?? '.')
const options = parseSiteArgs(process.argv.slice(3))
if (options === 'help' || 'assemble' in options) throw new Error('bench-site: site options only; assemble with scripts/bin/site.mjs')
const desk = { content: path.join(root, 'content'), slides: path.join(root, 'slides') }
process.exitCode = await runSite({ ...options, source: { names: [], desk } })
