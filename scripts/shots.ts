#!/usr/bin/env -S npx tsx
import { main } from './cli/shots.ts'

process.exitCode = await main()
