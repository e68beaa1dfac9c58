#!/usr/bin/env node
// See scripts/bench-library.ts.
import { runBundled } from '../bin/run-bundled.mjs'

await runBundled('scripts/bench-library', { bundleDependencies: true })
