#!/usr/bin/env node
// `npm run test:repeat`: the command's bundle (see run-bundled.mjs).
import { runBundled } from './run-bundled.mjs'

await runBundled('tests/support/repeat')
