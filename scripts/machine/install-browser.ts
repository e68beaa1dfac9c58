import { findBrowser, type FoundBrowser } from '../browser/find.ts'
import { setupMessages } from '../messages.ts'
import { aptInstall, canAptInstall, type Machine, type Reporter, thisMachine } from './machine.ts'

/** The machine, and how to look for a browser on it. */
export interface BrowserMachine extends Machine {
  find: () => FoundBrowser | undefined
}

const thisBrowserMachine: BrowserMachine = { ...thisMachine, find: () => findBrowser() }

/**
 * Finds a Chromium, or installs one: Playwright's download where the network
 * allows it, else Debian's package where this user may install packages.
 * Returns the browser, or undefined after saying how to install one.
 */
export function ensureBrowser(say: Reporter, machine: BrowserMachine = thisBrowserMachine): FoundBrowser | undefined {
  const found = machine.find()
  if (found) {
    say(setupMessages.usingBrowser(found))
    return found
  }
  say(setupMessages.tryingDownload())
  // Quiet: offline, Playwright prints a stack trace per retry (five), and the next line says it failed.
  if (machine.run('npx', ['--no-install', 'playwright', 'install', 'chromium'], { quiet: true })) {
    const downloaded = machine.find()
    if (downloaded) {
      say(setupMessages.downloadedBrowser(downloaded.executablePath))
      return downloaded
    }
  }
  if (canAptInstall(machine)) {
    say(setupMessages.installingBrowser())
    if (aptInstall(['chromium'], machine)) {
      const installed = machine.find()
      if (installed) {
        say(setupMessages.installedBrowser(installed.executablePath))
        return installed
      }
    }
  }
  say(setupMessages.noBrowser())
  return undefined
}
