import { spawnSync } from 'node:child_process'
import { accessSync, constants } from 'node:fs'
import path from 'node:path'

/** What the set-up does to the machine, kept apart so that a test can play the machine. */
export interface Machine {
  /** The path of `command` on PATH, or undefined. */
  which: (command: string) => string | undefined
  /** Runs a command; true when it exited 0. `quiet`: its errors are not shown either. */
  run: (command: string, args: string[], options?: { quiet?: boolean }) => boolean
  isRoot: () => boolean
}

export type Reporter = (line: string) => void

function onPath(command: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, command)
    try {
      accessSync(candidate, constants.X_OK)
      return candidate
    } catch {
      // not in this folder
    }
  }
  return undefined
}

export const thisMachine: Machine = {
  which: (command) => onPath(command),
  // Errors stay visible (apt-get's reasons go to stderr); progress lines do not.
  run: (command, args, options) => spawnSync(command, args, {
      stdio: ['ignore', 'ignore', options?.quiet ? 'ignore' : 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      timeout: 15 * 60_000,
    }).status === 0,
  isRoot: () => process.getuid?.() === 0,
}

/** True when this user may install Debian packages here. */
export function canAptInstall(machine: Machine): boolean {
  return machine.isRoot() && machine.which('apt-get') !== undefined
}

/**
 * Installs Debian packages, without the recommended extras (LibreOffice's would
 * add fonts, among them CJK fonts that would hide a deck's missing ones). A
 * machine whose package lists are stale or absent finds nothing: update, retry.
 */
export function aptInstall(packages: string[], machine: Machine): boolean {
  const install = ['install', '-y', '-q', '--no-install-recommends', ...packages]
  return machine.run('apt-get', install) || (machine.run('apt-get', ['update', '-q']) && machine.run('apt-get', install))
}
