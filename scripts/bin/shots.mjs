#!/usr/bin/env node
// `npm run shots`: the command's bundle (see run-bundled.mjs).
import { runBundled } from './run-bundled.mjs'

await runBundled('scripts/shots')
