import { spawn } from 'node:child_process'
import { copyFile, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { launchBrowser } from '../browser/find.ts'
import { DEFAULT_BRIEF, PROJECT_ROOT, extrasPathFor } from '../project.ts'
import { freePort } from '../slidev/server.ts'
import type { Sample } from './measure.ts'

/**
 * From saving the brief to the change showing in an open presenter view:
 * `npm start` on a copy of the shipped brief, one Chromium page on the
 * presenter view of slide 3, then `edits` saves of a new heading, each timed
 * until the page's text holds it. CPU and memory are not measured here.
 */
export async function measureLiveEdits(scratch: string, edits: number): Promise<Sample[]> {
  const brief = path.join(scratch, 'live.txt')
  await copyFile(DEFAULT_BRIEF, brief)
  await copyFile(extrasPathFor(DEFAULT_BRIEF), extrasPathFor(brief))
  const original = await readFile(brief, 'utf8')
  const port = await freePort()
  const server = spawn('npm', ['start', '--', '--brief', brief, '--port', String(port)], {
    cwd: PROJECT_ROOT,
    stdio: 'ignore',
    detached: true,
  })
  const browser = await launchBrowser()
  try {
    const page = await browser.newPage()
    const deadline = Date.now() + 120_000
    for (;;) {
      try {
        await page.goto(`http://localhost:${port}/presenter/3`, { waitUntil: 'load' })
        break
      } catch (error) {
        if (Date.now() > deadline) throw error
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
    }
    await page.waitForSelector('.slidev-note p', { timeout: 120_000 })
    const samples: Sample[] = []
    // One edit more than measured: the first compiles Vite's hot-update path.
    for (let i = 0; i <= edits; i++) {
      const heading = `Security in All Aspects ${i} ${Date.now()}`
      const started = performance.now()
      await writeFile(brief, original.replace('Security in All Aspects', heading))
      await page.waitForFunction((text) => document.body.innerText.includes(text), heading, { timeout: 30_000, polling: 10 })
      if (i > 0) samples.push({ wallMs: performance.now() - started, cpuMs: NaN, peakMiB: NaN })
    }
    return samples
  } finally {
    await browser.close()
    try {
      process.kill(-server.pid!, 'SIGTERM')
    } catch {
      // Already gone.
    }
    await writeFile(brief, original)
  }
}
