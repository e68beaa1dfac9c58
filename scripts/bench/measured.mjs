// Runs a command and reports its CPU time, children included: after the
// child exits and is reaped, /proc/self/stat's cutime + cstime hold the CPU
// of every descendant its parents waited for. Plain JavaScript so that no
// transpiler start-up is counted. Usage: node measured.mjs CMD ARGS...
// Prints one JSON line {"cpuMs":…,"code":…} on file descriptor 3.
import { spawn } from 'node:child_process'
import { readFileSync, writeSync } from 'node:fs'

const [command, ...args] = process.argv.slice(2)
const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], detached: true })
const stop = () => {
  try {
    process.kill(-child.pid, 'SIGTERM')
  } catch {}
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
child.on('exit', (code, signal) => {
  // Fields after the command name: cutime and cstime are the 14th and 15th.
  const stat = readFileSync('/proc/self/stat', 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const ticks = Number(fields[13]) + Number(fields[14])
  writeSync(3, JSON.stringify({ cpuMs: ticks * 10, code: code ?? (signal ? 128 : 1) }) + '\n')
  process.exit(0)
})
