#!/usr/bin/env -S npx tsx
import { main } from './cli/site.ts'

process.exitCode = await main(process.argv.slice(2))
