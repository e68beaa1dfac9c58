#!/usr/bin/env -S npx tsx
import { main } from './cli/start.ts'

process.exitCode = await main(process.argv.slice(2))
