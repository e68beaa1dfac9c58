#!/usr/bin/env node
// `npm run golden:update`: the command's bundle (see run-bundled.mjs).
import { runBundled } from './run-bundled.mjs'

await runBundled('tests/golden/update')
