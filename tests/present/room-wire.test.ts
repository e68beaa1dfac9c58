/**
 * `npm start -- --lan` on the wire: the presenter's secret never crosses the
 * network in clear, nor shows in the process list while the room builds.
 * Loopback TCP proxies of the test's own sit between the browser and the room
 * server and record every byte both ways.
 */
import { copyFile, readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { createServer, connect, type Server, type Socket } from 'node:net'
import { connect as tlsConnect } from 'node:tls'
import type { BrowserContext } from 'playwright-chromium'
import { describe, expect, it } from 'vitest'
import { main } from '../../scripts/cli/start.ts'
import { DEFAULT_BRIEF, extrasPathFor } from '../../scripts/project.ts'
import { freePort } from '../../scripts/slidev/server.ts'
import { useBrowser } from '../browser/fixture.ts'
import { projectTempDir } from '../support/tmp.ts'
import { presenting, roomExposed } from '../support/presenting.ts'

interface Recorder {
  port: number
  bytes: () => Buffer
  close: () => Promise<void>
}

/** Listens on 127.0.0.1 and forwards to `target`, recording what passes either way. */
async function recordingProxy(target: number): Promise<Recorder> {
  const chunks: Buffer[] = []
  const sockets = new Set<Socket>()
  const server: Server = createServer((client) => {
    const upstream = connect({ host: '127.0.0.1', port: target })
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.once('close', () => sockets.delete(socket))
    }
    client.on('data', (chunk: Buffer) => (chunks.push(chunk), upstream.write(chunk)))
    upstream.on('data', (chunk: Buffer) => (chunks.push(chunk), client.write(chunk)))
    client.on('close', () => upstream.destroy())
    upstream.on('close', () => client.destroy())
    client.on('error', () => upstream.destroy())
    upstream.on('error', () => client.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    bytes: () => Buffer.concat(chunks),
    close: () => new Promise((resolve) => (server.close(() => resolve()), sockets.forEach((socket) => socket.destroy()))),
  }
}

/** The command lines of every process now running. */
async function commandLines(): Promise<string[]> {
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name))
  const lines = await Promise.all(pids.map((pid) => readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')))
  return lines.map((line) => line.replaceAll('\0', ' '))
}

/** SHA-256 fingerprint of the certificate a TLS server presents. */
function presentedFingerprint(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tlsConnect({ host: '127.0.0.1', port, rejectUnauthorized: false }, () => {
      resolve(socket.getPeerCertificate().fingerprint256)
      socket.destroy()
    })
    socket.on('error', reject)
  })
}

describe('npm start -- --lan on the wire', () => {
  const browser = useBrowser()

  it('carries the secret only inside HTTPS, and never on a command line', async () => {
    const port = await freePort()
    // The process list, sampled while the room builds (it is the secret's first chance to leak).
    const seen = new Set<string>()
    let sampling = true
    let sample = Promise.resolve()
    // A sampling rate, not a wait: ten looks a second at every command line, on a shared machine.
    const sampler = setInterval(() => {
      sample = sample.then(async () => {
        if (sampling) for (const line of await commandLines()) seen.add(line)
      })
    }, 100)
    // A brief of its own: its notes name its folder, so the room builds its decks (the process list is
    // sampled during the builds) instead of reusing builds the cache holds.
    const brief = path.join(await projectTempDir('room-wire'), 'brief.txt')
    await copyFile(DEFAULT_BRIEF, brief)
    await copyFile(extrasPathFor(DEFAULT_BRIEF), extrasPathFor(brief))
    const { lines, exit, started, stop } = presenting((output, stopped) => main(['--brief', brief, '--deck', 'en', '--lan', '--host', '127.0.0.1', '--port', String(port)], output, () => stopped), roomExposed)
    const contexts: BrowserContext[] = []
    const proxies: Recorder[] = []
    try {
      await started
      sampling = false
      clearInterval(sampler)
      await sample
      const text = lines.join('\n')
      const [audienceUrl = '', presenterUrl = ''] = text.split('\n').filter((line) => /^https?:\/\//.test(line))
      expect(audienceUrl).toMatch(/^http:\/\//)
      expect(presenterUrl).toMatch(/^https:\/\//)
      const presenter = new URL(presenterUrl)
      const secret = presenter.pathname.split('/')[1] ?? ''
      expect(secret.length).toBeGreaterThan(40)
      // The sampler saw the builds, and no command line held the secret.
      expect([...seen].some((line) => line.includes('slidev') && line.includes(' build '))).toBe(true)
      expect([...seen].filter((line) => line.includes(secret))).toEqual([])
      // The fingerprint printed is the server's.
      const printed = /certificate SHA-256 ([0-9A-F:]{95})/.exec(text)?.[1]
      expect(printed).toBe(await presentedFingerprint(Number(presenter.port)))

      const audienceProxy = await recordingProxy(Number(new URL(audienceUrl).port))
      const presenterProxy = await recordingProxy(Number(presenter.port))
      proxies.push(audienceProxy, presenterProxy)
      const device = async () => {
        const context = await browser().newContext({ viewport: { width: 1280, height: 800 }, ignoreHTTPSErrors: true })
        contexts.push(context)
        return context.newPage()
      }
      const laptop = await device()
      await laptop.goto(`https://127.0.0.1:${presenterProxy.port}${presenter.pathname}${presenter.hash}`)
      await laptop.waitForSelector('.grid-section.note .slidev-note', { timeout: 120_000 })
      const phone = await device()
      await phone.goto(`http://127.0.0.1:${audienceProxy.port}/`)
      await phone.waitForSelector('.slidev-page', { timeout: 120_000 })
      // The presenter moves (a position posted through the proxy); the audience follows to its slide.
      await laptop.keyboard.press('ArrowRight')
      await expect.poll(() => laptop.url(), { timeout: 60_000 }).not.toMatch(/#\/presenter\/1$/)
      const slideOf = (url: string) => /#\/(?:presenter\/)?(\d+)/.exec(url)?.[1]
      await expect.poll(() => slideOf(phone.url()), { timeout: 60_000 }).toBe(slideOf(laptop.url()))
      expect(slideOf(phone.url())).not.toBe('1')

      const secure = presenterProxy.bytes()
      const plain = audienceProxy.bytes()
      // Enough passed to mean something: the presenter build over TLS (records start 0x16/0x17 0x03),
      // the audience build in clear.
      expect(secure.length).toBeGreaterThan(100_000)
      expect(secure[0]).toBe(0x16)
      expect(plain.includes('GET / HTTP/1.1')).toBe(true)
      for (const form of [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')]) {
        expect(secure.includes(form)).toBe(false)
        expect(plain.includes(form)).toBe(false)
      }
    } finally {
      sampling = false
      clearInterval(sampler)
      for (const context of contexts) await context.close()
      for (const proxy of proxies) await proxy.close()
      stop()
      expect(await exit).toBe(0)
    }
  }, 900_000)
})
