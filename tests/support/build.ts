import { main } from '../../scripts/cli/build.ts'
import type { Output } from '../../scripts/io/output.ts'

/** Runs the build CLI in-process, capturing what it prints. */
export async function runBuildCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = []
  const err: string[] = []
  const output: Output = { out: (line) => out.push(line), err: (line) => err.push(line) }
  const code = await main(args, output)
  return { code, stdout: out.join('\n'), stderr: err.join('\n') }
}
