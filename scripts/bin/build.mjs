#!/usr/bin/env node
// `npm run build`: the command's bundle, its dependencies in it (see run-bundled.mjs).
import { runBundled } from './run-bundled.mjs'

await runBundled('scripts/build', { bundleDependencies: true })
