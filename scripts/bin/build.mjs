#!/usr/bin/env node
// `npm run build`: see run-bundled.mjs for why this is not `tsx scripts/build.ts`.
import { runBundled } from './run-bundled.mjs'

await runBundled('build')
