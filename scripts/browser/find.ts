import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'

/**
 * Playwright, loaded on first use: it takes some 0.6 s to load, which a
 * command that only parses its options or prints its help should not pay.
 */
function playwright(): typeof import('playwright-chromium') {
  return createRequire(import.meta.url)('playwright-chromium') as typeof import('playwright-chromium')
}

/** Debian's and other distributions' Chromium, then Google Chrome. */
const SYSTEM_BROWSERS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome']

/** How a browser was found, for the set-up's one-line report. */
export interface FoundBrowser {
  executablePath: string
  source: 'BRIEFDECK_CHROMIUM' | 'playwright' | 'system'
}

/**
 * The Chromium to drive: `BRIEFDECK_CHROMIUM` if set, else Playwright's own
 * download, else the system's. Undefined when there is none.
 */
export function findBrowser(env: NodeJS.ProcessEnv = process.env): FoundBrowser | undefined {
  const chosen = env.BRIEFDECK_CHROMIUM
  if (chosen) return existsSync(chosen) ? { executablePath: chosen, source: 'BRIEFDECK_CHROMIUM' } : undefined
  const downloaded = playwright().chromium.executablePath()
  if (downloaded && existsSync(downloaded)) return { executablePath: downloaded, source: 'playwright' }
  const system = SYSTEM_BROWSERS.find((candidate) => existsSync(candidate))
  return system ? { executablePath: system, source: 'system' } : undefined
}

/**
 * Flags for a headless Chromium that stays on localhost: no background
 * services calling home, no sandbox (CI runs as root), no GPU.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

/**
 * For a browser that shows one page at a time (the export): the page, the GPU
 * work and printing in the browser's own process, no zygotes to fork from.
 * Each process Chromium saves is some 70 MB; and with no renderer to start and
 * no print service to talk to, a launch, a first page and each PDF cost about
 * a third of the CPU (0.4 s less for the first page, 0.2 s a PDF on this
 * project's machine). Fit for the export's pages, which it makes itself from
 * escaped text and which reach nothing outside (scripts/export/offline.ts);
 * `--renderer-process-limit` holds should Chromium ignore `--single-process`.
 */
export const ONE_PAGE_ARGS = ['--single-process', '--in-process-gpu', '--no-zygote', '--renderer-process-limit=1']

/** Launches the browser found by `findBrowser`, or throws with how to get one. */
export async function launchBrowser(options: { onePageAtATime?: boolean } = {}) {
  const found = findBrowser()
  if (!found) throw new Error('No Chromium found: run `npm run setup` (it installs one) or set BRIEFDECK_CHROMIUM.')
  const args = options.onePageAtATime ? [...CHROMIUM_ARGS, ...ONE_PAGE_ARGS] : CHROMIUM_ARGS
  return playwright().chromium.launch({ executablePath: found.executablePath, args, headless: true })
}
