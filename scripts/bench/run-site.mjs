#!/usr/bin/env node
// See scripts/bench-site.ts.
import { runBundled } from '../bin/run-bundled.mjs'

await runBundled('scripts/bench-site')
