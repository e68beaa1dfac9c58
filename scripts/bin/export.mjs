#!/usr/bin/env node
// `npm run export`: the command's bundle (see run-bundled.mjs).
import { setFlagsFromString } from 'node:v8'
import { runBundled } from './run-bundled.mjs'

// An export is a few seconds of code that mostly runs once: V8's optimizing compiler spends more
// than it saves, on threads that compete with Chromium for the machine's cores. Without it, a cold
// export of the shipped brief takes some 6 % less time and 12 % less CPU, and an export of
// five briefings 5 % less time (A/B runs, 2026-12-03). Set before the command's own code loads.
setFlagsFromString('--no-opt')

await runBundled('scripts/export')
