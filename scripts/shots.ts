#!/usr/bin/env -S npx tsx
import { runCli } from './cli/run-cli.ts'
import { parseOptions } from './cli/parse-options.ts'
import { main } from './cli/shots.ts'
import { SHOTS_USAGE } from './cli/usage.ts'

const output = { out: (line: string) => console.log(line), err: (line: string) => console.error(line) }
process.exitCode = await runCli(
  () => (parseOptions(process.argv.slice(2), { help: { type: 'boolean' } }, 'shots').help ? 'help' : {}),
  SHOTS_USAGE,
  () => main(output),
  output,
)
