import { spawnSync } from 'node:child_process'
import { findBrowser, type FoundBrowser } from './find.ts'

export type Reporter = (line: string) => void

/** What the set-up does to the machine, apart so that a test can play the machine. */
export interface Machine {
  find: () => FoundBrowser | undefined
  /** Runs a command; true when it exited 0. */
  run: (command: string, args: string[]) => boolean
  isRoot: () => boolean
}

const thisMachine: Machine = {
  find: () => findBrowser(),
  run: (command, args) => spawnSync(command, args, { stdio: ['ignore', 'ignore', 'ignore'], timeout: 10 * 60_000 }).status === 0,
  isRoot: () => process.getuid?.() === 0,
}

/**
 * Finds a Chromium, or installs one: Playwright's download where the network
 * allows it, else Debian's package where this user may install packages.
 * Returns the browser, or undefined after saying how to install one.
 */
export function ensureBrowser(say: Reporter, machine: Machine = thisMachine): FoundBrowser | undefined {
  const { find, run } = machine
  const found = find()
  if (found) {
    say(`briefdeck: using Chromium at ${found.executablePath} (${describe(found)})`)
    return found
  }
  say('briefdeck: no Chromium found; trying Playwright\'s download…')
  if (run('npx', ['--no-install', 'playwright', 'install', 'chromium'])) {
    const downloaded = find()
    if (downloaded) {
      say(`briefdeck: installed Playwright's Chromium at ${downloaded.executablePath}`)
      return downloaded
    }
  }
  if (machine.isRoot() && run('which', ['apt-get'])) {
    say('briefdeck: the download failed; installing Debian\'s chromium package (apt-get install chromium)…')
    if (run('apt-get', ['install', '-y', '-q', 'chromium']) || (run('apt-get', ['update', '-q']) && run('apt-get', ['install', '-y', '-q', 'chromium']))) {
      const installed = find()
      if (installed) {
        say(`briefdeck: installed Chromium at ${installed.executablePath}`)
        return installed
      }
    }
  }
  say(
    'briefdeck: no browser. Install Chromium (Debian: `sudo apt-get install chromium`; elsewhere: `npx playwright install chromium`) or set BRIEFDECK_CHROMIUM to its path.',
  )
  return undefined
}

function describe(found: FoundBrowser): string {
  if (found.source === 'BRIEFDECK_CHROMIUM') return 'from BRIEFDECK_CHROMIUM'
  return found.source === 'playwright' ? "Playwright's own" : 'the system\'s'
}
