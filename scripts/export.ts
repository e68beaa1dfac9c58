#!/usr/bin/env -S npx tsx
import { main } from './cli/export.ts'

process.exitCode = await main(process.argv.slice(2))
