#!/usr/bin/env -S npx tsx
// `npm run build` on another desk than the project's (the benchmark's library of
// synthetic briefs): `node scripts/bench/run-library.mjs DESK` runs it as
// `node scripts/bin/build.mjs` runs the build, from the same cached bundle kind.
import path from 'node:path'
import { runLibraryBuild } from './cli/build.ts'

const root = path.resolve(process.argv[2] ?? '.')
const desk = { content: path.join(root, 'content'), slides: path.join(root, 'slides') }
process.exitCode = await runLibraryBuild([], { keepPunctuation: false }, { out: (line) => console.log(line), err: (line) => console.error(line) }, desk)
