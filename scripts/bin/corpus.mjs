#!/usr/bin/env node
// `npm run corpus`: the command's bundle (see run-bundled.mjs).
import { runBundled } from './run-bundled.mjs'

await runBundled('tests/corpus/run')
