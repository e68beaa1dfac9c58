import { networkInterfaces } from 'node:os'
import { connect } from 'node:net'
import { describe, expect, it } from 'vitest'
import { isPortFree, main } from '../../scripts/cli/start.ts'
import { freePort } from '../../scripts/slidev/server.ts'

/** Resolves when a line matching `pattern` is printed; collects every line. */
function recorder(pattern: RegExp) {
  const lines: string[] = []
  let seen: (line: string) => void = () => {}
  const printed = new Promise<string>((resolve) => (seen = resolve))
  const take = (line: string) => {
    lines.push(line)
    if (pattern.test(line)) seen(line)
  }
  return { lines, printed, output: { out: take, err: take } }
}

/** An address of this machine that is not loopback, if it has one. */
function outsideAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((address) => address && address.family === 'IPv4' && !address.internal)?.address
}

function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2_000 })
    socket.once('connect', () => (socket.destroy(), resolve(true)))
    socket.once('error', () => resolve(false))
    socket.once('timeout', () => (socket.destroy(), resolve(false)))
  })
}

describe('npm start', () => {
  it('builds, serves the bilingual deck on localhost only, prints both URLs, and stops cleanly when told to', async () => {
    const port = await freePort()
    const { lines, printed, output } = recorder(/presenter view/)
    let stop: () => void = () => {}
    const stopped = new Promise<void>((resolve) => (stop = resolve))
    const exit = main(['--port', String(port)], output, () => stopped)

    const serving = await Promise.race([printed, exit.then((code) => `exited early with ${code}: ${lines.join('\n')}`)])
    expect(serving).toContain(`http://localhost:${port}/presenter/1`)
    expect(lines.join('\n')).toContain(`http://localhost:${port}/`)
    expect(lines.join('\n')).toMatch(/wrote slides\/zh-Hant\.md, slides\/en\.md, slides\/bilingual\.md/)

    const page = await fetch(`http://localhost:${port}/presenter/1`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('lang="zh-Hant"')
    const outside = outsideAddress()
    if (outside) expect(await accepts(outside, port), `reachable on ${outside}`).toBe(false)

    stop()
    expect(await exit).toBe(0)
    expect(lines.at(-1)).toMatch(/stopped presenting/)
    expect(await isPortFree(port)).toBe(true)
  }, 180_000)

  it('refuses a port that is already in use, before starting Slidev', async () => {
    const port = await freePort()
    const { createServer } = await import('node:net')
    const squatter = createServer().listen(port, '127.0.0.1')
    await new Promise((resolve) => squatter.once('listening', resolve))
    try {
      const { lines, output } = recorder(/never/)
      expect(await main(['--port', String(port), '--deck', 'en'], output, () => new Promise(() => {}))).toBe(2)
      expect(lines.at(-1)).toMatch(new RegExp(`Port ${port} is already in use`))
    } finally {
      squatter.close()
    }
  }, 60_000)
})
