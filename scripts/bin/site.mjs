#!/usr/bin/env node
// `npm run site`: the command's bundle (see run-bundled.mjs).
import { runBundled } from './run-bundled.mjs'

await runBundled('scripts/site')
