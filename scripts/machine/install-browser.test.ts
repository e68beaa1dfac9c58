import { describe, expect, it } from 'vitest'
import type { FoundBrowser } from '../browser/find.ts'
import { type BrowserMachine, ensureBrowser } from './install-browser.ts'

const CHROMIUM: FoundBrowser = { executablePath: '/usr/bin/chromium', source: 'system' }

/**
 * A machine where the browser appears once `installs` (a command line) has run
 * and succeeded; with `staleLists`, apt-get finds no package before an update.
 */
function machine(options: { has?: FoundBrowser; installs?: string; fails?: string[]; root?: boolean; staleLists?: boolean }) {
  const ran: string[] = []
  const quiet: string[] = []
  let installed = options.has
  let updated = false
  const fake: BrowserMachine = {
    find: () => installed,
    which: (command) => (command === 'apt-get' ? '/usr/bin/apt-get' : undefined),
    run: (command, args, runOptions) => {
      const line = [command, ...args].join(' ')
      ran.push(line)
      if (runOptions?.quiet) quiet.push(line)
      if (options.fails?.some((failing) => line.startsWith(failing))) return false
      if (line === 'apt-get update -q') updated = true
      if (line === options.installs) {
        if (options.staleLists && !updated) return false
        installed = CHROMIUM
      }
      return true
    },
    isRoot: () => options.root ?? true,
  }
  return { ran, quiet, fake }
}

function setUp(options: Parameters<typeof machine>[0]) {
  const said: string[] = []
  const { ran, quiet, fake } = machine(options)
  const found = ensureBrowser((line) => said.push(line), fake)
  return { found, said, ran, quiet }
}

describe('npm run setup (ensureBrowser)', () => {
  it('uses a Chromium that is there, installing nothing, and says which', () => {
    const { found, said, ran } = setUp({ has: { executablePath: '/opt/c/chrome', source: 'BRIEFDECK_CHROMIUM' } })
    expect(found?.executablePath).toBe('/opt/c/chrome')
    expect(said).toEqual(['briefdeck: using Chromium at /opt/c/chrome (from BRIEFDECK_CHROMIUM)'])
    expect(ran).toEqual([])
  })

  it("installs Playwright's download where the network allows it", () => {
    const { found, said, ran } = setUp({ installs: 'npx --no-install playwright install chromium' })
    expect(found).toEqual(CHROMIUM)
    expect(ran).toEqual(['npx --no-install playwright install chromium'])
    expect(said.at(-1)).toBe("briefdeck: installed Playwright's Chromium at /usr/bin/chromium")
  })

  it("installs Debian's chromium package when the download fails and the user may install packages, updating the lists if needed", () => {
    const { found, said, ran, quiet } = setUp({ fails: ['npx'], installs: 'apt-get install -y -q --no-install-recommends chromium', staleLists: true })
    expect(found).toEqual(CHROMIUM)
    expect(ran).toEqual([
      'npx --no-install playwright install chromium',
      'apt-get install -y -q --no-install-recommends chromium',
      'apt-get update -q',
      'apt-get install -y -q --no-install-recommends chromium',
    ])
    expect(said).toEqual([
      'briefdeck: no Chromium found; trying Playwright\'s download…',
      "briefdeck: the download failed; installing Debian's chromium package (apt-get install chromium)…",
      'briefdeck: installed Chromium at /usr/bin/chromium',
    ])
    // Offline, Playwright's download prints a stack trace per retry; apt-get's reasons stay shown.
    expect(quiet).toEqual(['npx --no-install playwright install chromium'])
  })

  it('says how to install one, and returns nothing, when it cannot', () => {
    const { found, said, ran } = setUp({ fails: ['npx'], root: false })
    expect(found).toBeUndefined()
    expect(ran).toEqual(['npx --no-install playwright install chromium'])
    expect(said.at(-1)).toMatch(/^briefdeck: no browser\. Install Chromium \(Debian: `sudo apt-get install chromium`/)
  })
})
