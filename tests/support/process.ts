/**
 * Commands run as a user runs them: `npm …` in a folder, in a process group of
 * its own, so that a test can press Ctrl-C as a terminal does (SIGINT to the
 * whole foreground group: npm, node and whatever they started).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'

export interface Command {
  child: ChildProcess
  /** Everything printed so far, both streams. */
  output: () => string
  /** Resolves with the first printed text matching `pattern`; rejects if the command ends first. */
  printed: (pattern: RegExp, timeoutMs?: number) => Promise<string>
  /** Resolves with the exit code (or the signal) when the command ends. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** Ctrl-C in the terminal: SIGINT to every process of the group. */
  interrupt: () => void
  /** Ends what is left of the group (for `finally`). */
  kill: () => void
}

export function runCommand(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Command {
  const child = spawn(command, args, {
    cwd: options.cwd,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, BROWSER: 'none', ...options.env },
  })
  let text = ''
  const waiters: (() => void)[] = []
  const take = (chunk: Buffer) => {
    text += chunk.toString()
    for (const waiter of waiters) waiter()
  }
  child.stdout?.on('data', take)
  child.stderr?.on('data', take)
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal)
    } catch {
      // The group has ended already.
    }
  }
  return {
    child,
    output: () => text,
    printed: (pattern, timeoutMs = 180_000) =>
      new Promise<string>((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(text)
          if (match) resolve(match[0])
        }
        waiters.push(check)
        check()
        const timer = setTimeout(() => reject(new Error(`nothing matching ${pattern} within ${timeoutMs} ms:\n${text}`)), timeoutMs)
        void exited.then(({ code, signal }) => {
          clearTimeout(timer)
          check()
          reject(new Error(`the command ended (code ${code}, signal ${signal}) before printing ${pattern}:\n${text}`))
        })
      }),
    exited,
    interrupt: () => signalGroup('SIGINT'),
    kill: () => signalGroup('SIGKILL'),
  }
}

/** Local addresses of the sockets listening on `port`, read from the kernel's own tables (Linux). */
export async function listeningAddresses(port: number): Promise<string[]> {
  const found: string[] = []
  for (const [file, decode] of [
    ['/proc/net/tcp', decodeIpv4],
    ['/proc/net/tcp6', decodeIpv6],
  ] as const) {
    const table = await readFile(file, 'utf8').catch(() => '')
    for (const line of table.split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/)
      if (!local || state !== '0A') continue // 0A: LISTEN
      const [address, hexPort] = local.split(':')
      if (address && hexPort && Number.parseInt(hexPort, 16) === port) found.push(decode(address))
    }
  }
  return found
}

/** `0100007F` → `127.0.0.1` (the kernel prints the address in host byte order, little-endian here). */
function decodeIpv4(hex: string): string {
  const bytes = hex.match(/../g)!.map((pair) => Number.parseInt(pair, 16))
  return bytes.reverse().join('.')
}

/** Four little-endian 32-bit words → a plain IPv6 address (`::1`, `::`, `::ffff:127.0.0.1`…). */
function decodeIpv6(hex: string): string {
  const words = hex.match(/.{8}/g)!.map((word) => word.match(/../g)!.reverse().join(''))
  const groups = words.join('').match(/.{4}/g)!.map((group) => Number.parseInt(group, 16).toString(16))
  const full = groups.join(':')
  if (full === '0:0:0:0:0:0:0:0') return '::'
  if (full === '0:0:0:0:0:0:0:1') return '::1'
  if (full.startsWith('0:0:0:0:0:ffff:')) {
    const v4 = hex.slice(24)
    return `::ffff:${decodeIpv4(v4)}`
  }
  return full
}

/** A process as the kernel lists it; its start time tells it from a later one given the same id. */
export interface ProcessInfo {
  pid: number
  name: string
  start: string
}

interface ProcessStat extends ProcessInfo {
  state: string
  parent: number
  group: number
}

/** Fields of /proc/PID/stat after the parenthesised name: state, ppid, pgrp …, starttime (22nd field). */
function readStat(pid: number): ProcessStat | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return { pid, name, state: fields[0]!, parent: Number(fields[1]), group: Number(fields[2]), start: fields[19]! }
  } catch {
    return undefined
  }
}

function allProcesses(): ProcessStat[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map((entry) => readStat(Number(entry)))
    .filter((stat): stat is ProcessStat => stat !== undefined && stat.state !== 'Z')
}

/**
 * Every running process started by `pid`, at any depth, or in its process
 * group: a command's node, and the browser it launched even in a group of
 * the browser's own.
 */
export function processesOf(pid: number): ProcessInfo[] {
  const all = allProcesses()
  const found = new Map<number, ProcessStat>()
  for (const stat of all) if (stat.group === pid && stat.pid !== pid) found.set(stat.pid, stat)
  let grew = true
  while (grew) {
    grew = false
    for (const stat of all) {
      if (!found.has(stat.pid) && (stat.parent === pid || found.has(stat.parent))) {
        found.set(stat.pid, stat)
        grew = true
      }
    }
  }
  return [...found.values()].map(({ pid, name, start }) => ({ pid, name, start }))
}

/** Those of `processes` still running (a zombie waiting to be reaped has ended). */
export function stillRunning(processes: ProcessInfo[]): ProcessInfo[] {
  return processes.filter((info) => {
    const stat = readStat(info.pid)
    return stat !== undefined && stat.start === info.start && stat.state !== 'Z'
  })
}
