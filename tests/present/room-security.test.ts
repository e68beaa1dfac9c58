/**
 * The room server (`npm start -- --lan`) against devices of the room that do
 * not hold the secret: foreign Host names (DNS rebinding), foreign Origins,
 * thousands of idle event streams and sockets, slow requests. Devices are
 * played on 127.x addresses; the server runs on loopback only.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { request, type IncomingMessage } from 'node:http'
import { connect, type Socket } from 'node:net'
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises'
import { connect as connectTls } from 'node:tls'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PROJECT_ROOT } from '../../scripts/project.ts'
import { allowedHostnames } from '../../scripts/present/room-hosts.ts'
import { StreamRegistry, ROOM_LIMITS } from '../../scripts/present/room-limits.ts'
import { makeCertificate } from '../../scripts/present/room-certificate.ts'
import { newSecret, startRoomServer, type RoomServer } from '../../scripts/present/room-server.ts'
import type { ServerResponse } from 'node:http'

const dir = path.join(PROJECT_ROOT, 'tests', '.tmp', 'room-security')
const audienceDir = path.join(dir, 'audience')
const presenterDir = path.join(dir, 'presenter')
const secret = newSecret()
const hosts = allowedHostnames('127.0.0.1')

beforeAll(async () => {
  for (const [name, text] of [['audience', 'SLIDES ONLY'], ['presenter', 'NOTE TEXT']] as const) {
    await mkdir(path.join(dir, name), { recursive: true })
    await writeFile(path.join(dir, name, 'index.html'), `<html><head><title>${name}</title></head><body>${text}</body></html>`)
  }
  // What no build holds, but a folder served by mistake could: dotfiles, and links leading out.
  await writeFile(path.join(audienceDir, '.env'), 'DOTFILE TEXT')
  await mkdir(path.join(audienceDir, '.git'), { recursive: true })
  await writeFile(path.join(audienceDir, '.git', 'config'), 'DOTFILE TEXT')
  await symlink(path.join(presenterDir, 'index.html'), path.join(audienceDir, 'linked.html'))
  await symlink(presenterDir, path.join(audienceDir, 'linked'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

interface Answer {
  status: number
  body: string
  ms: number
}

/** One HTTP request from the device at `from` (a 127.x address), with the headers given as they are. */
function ask(port: number, from: string, method: string, urlPath: string, headers: Record<string, string>, body = ''): Promise<Answer> {
  const start = performance.now()
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path: urlPath, headers, localAddress: from, agent: false }, (res: IncomingMessage) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, ms: performance.now() - start }))
    })
    req.on('error', reject)
    // A frozen server shows as an error, not as a test that hangs.
    req.setTimeout(10_000, () => req.destroy(new Error(`no answer to ${method} ${urlPath} within 10 s`)))
    req.end(body)
  })
}

/** The first event of an event stream, then the stream is closed. */
function firstEvent(port: number, from: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/events', headers: { Host: `127.0.0.1:${port}` }, localAddress: from, agent: false }, (res) => {
      res.setEncoding('utf8')
      res.once('data', (chunk: string) => (resolve(chunk), req.destroy()))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('the room server, from devices without the secret', () => {
  let server: RoomServer
  beforeAll(async () => {
    server = await startRoomServer({ audienceDir, presenterDir, secret, host: '127.0.0.1', port: 0, hosts })
  })
  afterAll(() => server.close())

  it('answers only its own names: another Host (DNS rebinding) reads nothing and moves nothing', async () => {
    const { port } = server
    const own = `127.0.0.1:${port}`
    expect((await ask(port, '127.0.0.2', 'GET', '/', { Host: own })).body).toContain('SLIDES ONLY')
    expect((await ask(port, '127.0.0.2', 'GET', '/', { Host: `localhost:${port}` })).status).toBe(200)
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1.evil.example:${port}`, `[::2]:${port}`]) {
      expect((await ask(port, '127.0.0.2', 'GET', '/', { Host: host })).status, host).not.toBe(200)
      expect((await ask(port, '127.0.0.2', 'GET', '/events', { Host: host })).status, host).not.toBe(200)
      expect((await ask(port, '127.0.0.2', 'GET', `/${secret}/`, { Host: host })).body, host).not.toContain('NOTE TEXT')
    }
    // The review's move: Origin and Host both the attacker's, with the secret.
    const body = JSON.stringify({ page: 4, clicks: 0, source: 'evil' })
    const json = { 'Content-Type': 'application/json' }
    expect((await ask(port, '127.0.0.2', 'POST', `/${secret}/position`, { ...json, Host: `evil.example:${port}`, Origin: `http://evil.example:${port}` }, body)).status).toBe(421)
    // An Origin that is not the server's own, under the right Host.
    expect((await ask(port, '127.0.0.2', 'POST', `/${secret}/position`, { ...json, Host: own, Origin: `http://evil.example:${port}` }, body)).status).toBe(403)
    expect(await firstEvent(port, '127.0.0.3')).toContain('"page":1')
    // The presenter's own page still moves the room.
    expect((await ask(port, '127.0.0.3', 'POST', `/${secret}/position`, { ...json, Host: own, Origin: `http://${own}` }, JSON.stringify({ page: 2, clicks: 0, source: 'me' }))).status).toBe(204)
    expect(await firstEvent(port, '127.0.0.3')).toContain('"page":2')
  })

  it('serves no dotfile and follows no symbolic link', async () => {
    const own = { Host: `127.0.0.1:${server.port}` }
    for (const url of ['/.env', '/.git/config', '/%2egit/config', '/linked.html', '/linked/index.html', `/${secret}/../audience/.env`]) {
      const answer = await ask(server.port, '127.0.0.2', 'GET', url, own)
      expect(answer.body, url).not.toMatch(/DOTFILE TEXT|NOTE TEXT/)
      expect(answer.status, url).toBe(404)
    }
    // The same folder's plain file is served: the refusals above are the rule's, not a broken folder.
    expect((await ask(server.port, '127.0.0.2', 'GET', '/index.html', own)).body).toContain('SLIDES ONLY')
  })

  it('answers HEAD /events at once, without holding a stream', async () => {
    const limited = await startRoomServer({ audienceDir, presenterDir, secret, host: '127.0.0.1', port: 0, hosts, limits: { streamsPerAddress: 1 } })
    try {
      const own = { Host: `127.0.0.1:${limited.port}` }
      for (let i = 0; i < 3; i++) {
        const answer = await ask(limited.port, '127.0.0.2', 'HEAD', '/events', own)
        expect(answer.status).toBe(200)
      }
      // The one stream this address may hold is still free.
      expect(await firstEvent(limited.port, '127.0.0.2')).toContain('"page":1')
    } finally {
      await limited.close()
    }
  })

  it('speaks TLS 1.2 with forward-secret AEAD suites only (no CBC, no SHA-1), and TLS 1.3', async () => {
    const certificate = await makeCertificate(hosts)
    const secure = await startRoomServer({ audienceDir, presenterDir, secret, host: '127.0.0.1', port: 0, hosts, tls: { key: certificate.key, cert: certificate.cert, port: 0 } })
    /** The protocol and suite agreed, or the error, for a client offering only `offer`. */
    const handshake = (offer: { ciphers?: string; minVersion?: 'TLSv1' | 'TLSv1.2' | 'TLSv1.3'; maxVersion?: 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3' }) =>
      new Promise<string>((resolve) => {
        const socket = connectTls({ host: '127.0.0.1', port: secure.securePort!, rejectUnauthorized: false, ...offer }, () => {
          resolve(`${socket.getProtocol()} ${socket.getCipher().standardName}`)
          socket.destroy()
        })
        socket.on('error', (error) => resolve(`refused: ${error.message}`))
      })
    try {
      for (const suite of ['ECDHE-ECDSA-AES128-SHA', 'ECDHE-ECDSA-AES256-SHA', 'ECDHE-ECDSA-AES128-SHA256', 'ECDHE-ECDSA-AES256-SHA384']) {
        expect(await handshake({ ciphers: suite, maxVersion: 'TLSv1.2' }), suite).toMatch(/^refused/)
      }
      expect(await handshake({ minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT:@SECLEVEL=0' })).toMatch(/^refused/)
      expect(await handshake({ ciphers: 'ECDHE-ECDSA-AES128-GCM-SHA256', maxVersion: 'TLSv1.2' })).toBe('TLSv1.2 TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256')
      expect(await handshake({ ciphers: 'ECDHE-ECDSA-CHACHA20-POLY1305', maxVersion: 'TLSv1.2' })).toBe('TLSv1.2 TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256')
      expect(await handshake({ minVersion: 'TLSv1.3' })).toMatch(/^TLSv1\.3 TLS_/)
    } finally {
      await secure.close()
    }
  })

  it('forbids framing and keeping a handle on its windows', async () => {
    const answer = await new Promise<IncomingMessage>((resolve) => request({ host: '127.0.0.1', port: server.port, path: '/' }, resolve).end())
    answer.resume()
    expect(answer.headers['content-security-policy']).toBe("frame-ancestors 'self'")
    expect(answer.headers['cross-origin-opener-policy']).toBe('same-origin')
    expect(answer.headers['x-frame-options']).toBe('SAMEORIGIN')
  })
})

describe('the room server under load from the room', () => {
  it('caps event streams in all and per address', async () => {
    const limits = { streams: 4, streamsPerAddress: 2 }
    const server = await startRoomServer({ audienceDir, presenterDir, secret, host: '127.0.0.1', port: 0, hosts, limits })
    const open: Socket[] = []
    /** An event stream held open; resolves with the status line. */
    const hold = (from: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect({ host: '127.0.0.1', port: server.port, localAddress: from })
        open.push(socket)
        socket.setEncoding('utf8')
        socket.once('data', (chunk: string) => resolve(chunk.split('\r\n')[0] ?? ''))
        socket.on('error', reject)
        socket.write(`GET /events HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n\r\n`)
      })
    try {
      expect(await hold('127.0.0.2')).toMatch(/ 200 /)
      expect(await hold('127.0.0.2')).toMatch(/ 200 /)
      expect(await hold('127.0.0.2')).toMatch(/ 429 /)
      expect(await hold('127.0.0.3')).toMatch(/ 200 /)
      expect(await hold('127.0.0.4')).toMatch(/ 200 /)
      expect(await hold('127.0.0.5')).toMatch(/ 429 /)
      // A stream that closes frees its place.
      const closed = new Promise<void>((resolve) => open[0]!.once('close', () => resolve()))
      open[0]!.destroy()
      await closed
      await expect.poll(() => hold('127.0.0.5'), { timeout: 10_000 }).toMatch(/ 200 /)
    } finally {
      open.forEach((socket) => socket.destroy())
      await server.close()
    }
  })

  it("never refuses the presenter's stream for the audience's sake", async () => {
    const limits = { streams: 4, streamsPerAddress: 2 }
    const server = await startRoomServer({ audienceDir, presenterDir, secret, host: '127.0.0.1', port: 0, hosts, limits })
    const own = `127.0.0.1:${server.port}`
    const open: Socket[] = []
    /** An event stream held open from `from`; resolves with the status line and what follows as it comes. */
    const hold = (from: string, streamPath: string) =>
      new Promise<{ status: string; text: () => string }>((resolve, reject) => {
        const socket = connect({ host: '127.0.0.1', port: server.port, localAddress: from })
        open.push(socket)
        let text = ''
        socket.setEncoding('utf8')
        socket.on('data', (chunk: string) => {
          if (!text) resolve({ status: chunk.split('\r\n')[0] ?? '', text: () => text })
          text += chunk
        })
        socket.on('error', reject)
        socket.write(`GET ${streamPath} HTTP/1.1\r\nHost: ${own}\r\n\r\n`)
      })
    try {
      // The audience fills every place (two addresses, two streams each).
      for (const from of ['127.0.0.2', '127.0.0.2', '127.0.0.3', '127.0.0.3']) expect((await hold(from, '/events')).status).toMatch(/ 200 /)
      expect((await hold('127.0.0.4', '/events')).status).toMatch(/ 429 /)
      // The presenter's page follows the stream its own page names (in the role the server marks in it).
      const page = await ask(server.port, '127.0.0.5', 'GET', `/${secret}/`, { Host: own })
      const role = JSON.parse(/name="briefdeck-room" content="([^"]*)"/.exec(page.body)![1]!.replaceAll('&quot;', '"').replaceAll('&amp;', '&')) as { events: string; position: string }
      const streams = [await hold('127.0.0.5', role.events), await hold('127.0.0.6', role.events)]
      for (const stream of streams) expect(stream.status).toMatch(/ 200 /)
      // Its moves reach the full room, and its own streams.
      const body = JSON.stringify({ page: 3, clicks: 1, source: 'me' })
      expect((await ask(server.port, '127.0.0.5', 'POST', role.position, { Host: own, Origin: `http://${own}`, 'Content-Type': 'application/json' }, body)).status).toBe(204)
      await expect.poll(() => streams.map((stream) => stream.text().includes('"page":3')), { timeout: 10_000 }).toEqual([true, true])
      // A secret one character off opens no stream.
      expect((await hold('127.0.0.7', role.events.replace(secret, secret.slice(0, -1) + (secret.endsWith('A') ? 'B' : 'A')))).status).not.toMatch(/ 200 /)
    } finally {
      open.forEach((socket) => socket.destroy())
      await server.close()
    }
  })

  it('drops a stream whose unsent data grows (a device that stopped reading)', () => {
    const registry = new StreamRegistry({ ...ROOM_LIMITS, pendingBytes: 100 })
    const fake = () => {
      const stream = { writableLength: 0, destroyed: false, written: '', once: () => stream, write: (text: string) => ((stream.written += text), true), destroy: () => (stream.destroyed = true) }
      return stream
    }
    const reading = fake()
    const stuck = fake()
    registry.add(reading as unknown as ServerResponse, 'a')
    registry.add(stuck as unknown as ServerResponse, 'b')
    stuck.writableLength = 101
    registry.broadcast('data: 1\n\n')
    expect(stuck.destroyed).toBe(true)
    expect(reading.destroyed).toBe(false)
    expect(registry.size).toBe(1)
    registry.broadcast('data: 2\n\n')
    expect(reading.written).toBe('data: 1\n\ndata: 2\n\n')
  })

  it('closes a connection whose headers never finish', async () => {
    const server = await startRoomServer({ audienceDir, presenterDir, secret, host: '127.0.0.1', port: 0, hosts, limits: { headersMs: 300, requestMs: 600 } })
    try {
      const socket = connect({ host: '127.0.0.1', port: server.port, localAddress: '127.0.0.2' })
      socket.on('error', () => {})
      socket.resume()
      const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()))
      socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n`)
      await closed
      expect(socket.destroyed).toBe(true)
    } finally {
      await server.close()
    }
  })

  it('still serves the presenter within a second while one address holds 2,000 idle event streams (server limited to 1,024 open files)', async () => {
    const child: ChildProcess = spawn(
      'sh',
      ['-c', 'ulimit -n 1024 && exec "$0" "$@"', process.execPath, '--import', 'tsx', path.join('tests', 'present', 'room-child.ts'), JSON.stringify({ audienceDir, presenterDir, secret, host: '127.0.0.1', port: 0, hosts: [...hosts] })],
      { cwd: PROJECT_ROOT, stdio: ['pipe', 'pipe', 'inherit'] },
    )
    const sockets: Socket[] = []
    try {
      const port = await new Promise<number>((resolve, reject) => {
        let out = ''
        child.stdout!.on('data', (chunk: Buffer) => {
          out += chunk.toString()
          if (out.includes('\n')) resolve((JSON.parse(out) as { port: number }).port)
        })
        child.once('exit', (code) => reject(new Error(`room server exited ${code}`)))
      })
      // 2,000 connections from one address, each asking for the event stream and then idle;
      // each settles when the server answers it or closes it.
      const settled = Array.from({ length: 2000 }, () => {
        const socket = connect({ host: '127.0.0.1', port, localAddress: '127.0.0.2' })
        sockets.push(socket)
        socket.on('error', () => {})
        return new Promise<void>((resolve) => {
          socket.once('data', () => resolve())
          socket.once('close', () => resolve())
          socket.once('connect', () => socket.write(`GET /events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`))
        })
      })
      await Promise.all(settled)
      // The presenter, from another address, while those that the server kept stay open.
      const own = `127.0.0.1:${port}`
      const page = await ask(port, '127.0.0.3', 'GET', `/${secret}/`, { Host: own })
      expect(page.body).toContain('NOTE TEXT')
      expect(page.ms).toBeLessThan(1000)
      const moved = await ask(port, '127.0.0.3', 'POST', `/${secret}/position`, { Host: own, Origin: `http://${own}`, 'Content-Type': 'application/json' }, JSON.stringify({ page: 3, clicks: 0, source: 'me' }))
      expect(moved.status).toBe(204)
      expect(moved.ms).toBeLessThan(1000)
      expect(sockets.filter((socket) => !socket.destroyed).length).toBeLessThanOrEqual(ROOM_LIMITS.socketsPerAddress)
    } finally {
      sockets.forEach((socket) => socket.destroy())
      child.stdin!.end()
      if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve))
    }
  }, 120_000)
})
