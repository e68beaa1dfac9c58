#!/usr/bin/env node
// `npm start`: the command's bundle, its dependencies in it (see run-bundled.mjs).
import { runBundled } from './run-bundled.mjs'

await runBundled('scripts/start', { bundleDependencies: true })
