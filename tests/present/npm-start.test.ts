/**
 * `npm start` as a user runs it: the real npm entry in its own process group,
 * stopped with Ctrl-C (SIGINT to the whole group, as a terminal sends it).
 */
import { describe, expect, it } from 'vitest'
import { PROJECT_ROOT } from '../../scripts/project.ts'
import { freePort } from '../../scripts/slidev/server.ts'
import { listeningAddresses, runCommand } from '../support/process.ts'

/** Loopback, in every form the kernel may list a socket bound to it. */
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1'])
/**
 * "At once" (README): from Ctrl-C to npm's exit while Slidev is starting. Measured at 0.14 s on two busy
 * cores; the bound leaves room for a slower machine, not for a wait on a timer.
 */
const AT_ONCE_MS = 5_000

/** Resolves false if the group has no process left, true while any is alive. */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0)
    return true
  } catch {
    return false
  }
}

describe('npm start, the real entry', () => {
  it('listens on loopback addresses only (IPv4 and IPv6), and Ctrl-C stops every process it started', async () => {
    const port = await freePort()
    const npm = runCommand('npm', ['start', '--', '--port', String(port), '--deck', 'en'], { cwd: PROJECT_ROOT })
    try {
      await npm.printed(/presenter view.*\n?/)
      const listening = await listeningAddresses(port)
      expect(listening.length, 'nothing listens on the printed port').toBeGreaterThan(0)
      for (const address of listening) expect(LOOPBACK.has(address), `listening on ${address}`).toBe(true)
      expect((await fetch(`http://127.0.0.1:${port}/presenter/1`).catch(() => fetch(`http://[::1]:${port}/presenter/1`))).status).toBe(200)

      npm.interrupt()
      const ended = await Promise.race([npm.exited, new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), 20_000))])
      expect(ended, 'still running 20 s after Ctrl-C').not.toBe('late')
      expect(npm.output()).toMatch(/stopped presenting/)
      expect(npm.output()).not.toMatch(/\n\s+at /)
      await expect.poll(() => groupAlive(npm.child.pid!), { timeout: 10_000 }).toBe(false)
      expect(await listeningAddresses(port)).toEqual([])
    } finally {
      npm.kill()
    }
  }, 240_000)

  it('stops at once on Ctrl-C while Slidev is still starting, leaving no process behind', async () => {
    const port = await freePort()
    const npm = runCommand('npm', ['start', '--', '--port', String(port)], { cwd: PROJECT_ROOT })
    try {
      // The build has written the decks: Slidev is being started now.
      await npm.printed(/slides\/regime-security\/zh-Hant\.md/)
      const pressed = Date.now()
      npm.interrupt()
      const ended = await Promise.race([npm.exited, new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), 15_000))])
      // Timed when npm exits, not after the checks below (which wait up to 10 s of their own).
      const took = Date.now() - pressed
      expect(ended, `still running 15 s after Ctrl-C:\n${npm.output()}`).not.toBe('late')
      expect(took, 'ms from Ctrl-C to exit').toBeLessThan(AT_ONCE_MS)
      expect(npm.output()).toMatch(/stopped presenting/)
      expect(npm.output()).not.toMatch(/did not start|\n\s+at /)
      // It stopped before serving: it never announced addresses nobody will answer.
      expect(npm.output()).not.toMatch(/presenter view/)
      await expect.poll(() => groupAlive(npm.child.pid!), { timeout: 10_000 }).toBe(false)
      expect(await listeningAddresses(port)).toEqual([])
    } finally {
      npm.kill()
    }
  }, 120_000)
})
