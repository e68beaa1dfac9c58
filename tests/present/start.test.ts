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

describe('npm start', () => {
  it('builds, serves the bilingual deck, prints both URLs, and stops cleanly when told to', async () => {
    const port = await freePort()
    const { lines, printed, output } = recorder(/presenter view/)
    let stop: () => void = () => {}
    const stopped = new Promise<void>((resolve) => (stop = resolve))
    const exit = main(['--port', String(port)], output, () => stopped)
    try {
      const serving = await Promise.race([printed, exit.then((code) => `exited early with ${code}: ${lines.join('\n')}`)])
      expect(serving).toContain(`http://localhost:${port}/presenter/1`)
      // Both URLs, each on its own: the audience's is not just the start of the presenter's.
      expect(lines.join('\n').match(/https?:\/\/\S+/g)).toEqual([`http://localhost:${port}/`, `http://localhost:${port}/presenter/1`])
      expect(lines.join('\n')).toMatch(/slides\/regime-security\/zh-Hant\.md, slides\/regime-security\/en\.md, slides\/regime-security\/bilingual\.md/)

      const page = await fetch(`http://localhost:${port}/presenter/1`)
      expect(page.status).toBe(200)
      expect(await page.text()).toContain('lang="zh-Hant"')
      // Where it listens: tests/present/npm-start.test.ts reads the sockets themselves.

      stop()
      expect(await exit).toBe(0)
      expect(lines.at(-1)).toMatch(/stopped presenting/)
      expect(await isPortFree(port)).toBe(true)
    } finally {
      // A failed assertion must not leave Slidev running.
      stop()
      await exit.catch(() => undefined)
    }
  }, 180_000)

  it('refuses a port that is already in use in one line, before building anything, with exit code 1', async () => {
    const port = await freePort()
    const { createServer } = await import('node:net')
    const squatter = createServer().listen(port, '127.0.0.1')
    await new Promise((resolve) => squatter.once('listening', resolve))
    try {
      const { lines, output } = recorder(/never/)
      expect(await main(['--port', String(port), '--deck', 'en'], output, () => new Promise(() => {}))).toBe(1)
      // One line and nothing else: a build would have printed the decks it wrote.
      expect(lines).toEqual([`Port ${port} is already in use on this machine: stop what uses it, or choose another with --port.`])
    } finally {
      squatter.close()
    }
  }, 60_000)
})
