#!/usr/bin/env node
// `npm start`: see run-bundled.mjs for why this is not `tsx scripts/start.ts`.
import { runBundled } from './run-bundled.mjs'

await runBundled('start')
