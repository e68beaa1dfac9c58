import { mkdir, rm, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PROJECT_ROOT } from '../project.ts'
import { parsePosition } from './position.ts'
import { roomUrls, securePortFor, shownHost } from './present-room.ts'
import { allowedHostnames } from './room-hosts.ts'
import { newSecret, startRoomServer, type RoomServer } from './room-server.ts'

const dir = path.join(PROJECT_ROOT, 'tests', '.tmp', 'room-server-unit')
const secret = newSecret()
let server: RoomServer
let base: string

beforeAll(async () => {
  for (const [name, text] of [['audience', 'SLIDES ONLY'], ['presenter', 'NOTE TEXT']] as const) {
    await mkdir(path.join(dir, name, 'assets'), { recursive: true })
    await writeFile(path.join(dir, name, 'index.html'), `<html><head><title>${name}</title></head><body>${text}</body></html>`)
    await writeFile(path.join(dir, name, 'assets', 'app.js'), `console.log(${JSON.stringify(text)})`)
  }
  await writeFile(path.join(dir, 'outside.txt'), 'NOTE TEXT outside')
  server = await startRoomServer({ audienceDir: path.join(dir, 'audience'), presenterDir: path.join(dir, 'presenter'), secret, host: '127.0.0.1', port: 0, hosts: allowedHostnames('127.0.0.1') })
  base = `http://127.0.0.1:${server.port}`
})
afterAll(async () => {
  await server.close()
  await rm(dir, { recursive: true, force: true })
})

/** A GET with its path exactly as given (node:http sends it untouched), from another loopback address. */
function rawGet(port: number, rawPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: rawPath, localAddress: '127.0.0.2', agent: false }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'text/plain', ...headers }, body: JSON.stringify(body) })

describe('the room server', () => {
  it('makes secrets of at least 128 random bits, different each time', () => {
    expect(Buffer.from(secret, 'base64url').length * 8).toBeGreaterThanOrEqual(128)
    expect(newSecret()).not.toBe(secret)
  })

  it('serves the audience build to anyone, marked as the audience, and the presenter build only under the secret', async () => {
    const audience = await (await fetch(`${base}/`)).text()
    expect(audience).toContain('SLIDES ONLY')
    expect(audience).toContain('<meta name="briefdeck-room" content="{&quot;events&quot;:&quot;/events&quot;}">')
    const presenter = await (await fetch(`${base}/${secret}/`)).text()
    expect(presenter).toContain('NOTE TEXT')
    expect(presenter).toContain(`&quot;position&quot;:&quot;/${secret}/position&quot;`)
    expect(await (await fetch(`${base}/${secret}/assets/app.js`)).text()).toContain('NOTE TEXT')
  })

  it('never serves the presenter build without the exact secret, nor files outside a build', async () => {
    // Sent as written: fetch (WHATWG URL) would resolve the dots before the request leaves.
    const paths = [
      `/${secret.slice(0, -1)}/`,
      `/${secret}x/assets/app.js`,
      '/presenter/index.html',
      '/../presenter/assets/app.js',
      '/assets/../../presenter/index.html',
      '/%2e%2e/presenter/index.html',
      '/..%2fpresenter%2findex.html',
      '/..%2foutside.txt',
      '/assets/..%2f..%2foutside.txt',
      '/..%5coutside.txt',
      `/${secret}/..%2f..%2foutside.txt`,
      `/${secret}/assets/%2e%2e%2f%2e%2e%2f..%2foutside.txt`,
      '../outside.txt',
    ]
    for (const url of paths) {
      const answer = await rawGet(server.port, url)
      expect(answer.body, url).not.toContain('NOTE TEXT')
      expect(answer.status, url).not.toBe(200)
    }
    // The same client reads what is there: a refusal above is the guard's, not the client's.
    expect((await rawGet(server.port, `/${secret}/assets/app.js`)).body).toContain('NOTE TEXT')
  })

  it('moves the room only with the secret, and relays the position to every follower', async () => {
    const events = await fetch(`${base}/events`)
    const reader = events.body!.pipeThrough(new TextDecoderStream()).getReader()
    let seen = ''
    const until = async (text: string) => {
      while (!seen.includes(text)) seen += (await reader.read()).value ?? ''
    }
    await until('"page":1')
    expect((await post(`${base}/position`, { page: 4, clicks: 0, source: 'x' })).status).toBe(405)
    expect((await post(`${base}/${secret.slice(1)}/position`, { page: 4, clicks: 0, source: 'x' })).status).toBe(405)
    expect((await post(`${base}/${secret}/position`, { page: 4, clicks: 0, source: 'x' }, { Origin: 'http://127.0.0.2:8000' })).status).toBe(403)
    expect((await post(`${base}/${secret}/position`, { page: 3, clicks: 2, source: 'remote' })).status).toBe(204)
    await until('"page":3')
    expect(seen).not.toContain('"page":4')
    expect(seen).toContain('{"page":3,"clicks":2,"source":"remote"}')
    await reader.cancel()
  })

  it("changes the room's languages only with the secret, and relays them with the position to every follower", async () => {
    const events = await fetch(`${base}/events`)
    const reader = events.body!.pipeThrough(new TextDecoderStream()).getReader()
    let seen = ''
    const until = async (text: string) => {
      while (!seen.includes(text)) seen += (await reader.read()).value ?? ''
    }
    await until('"page":')
    const wrong = secret.slice(0, -1) + (secret.endsWith('A') ? 'B' : 'A')
    expect((await post(`${base}/show`, { show: 'en', source: 'x' })).status).toBe(405)
    expect((await post(`${base}/${wrong}/show`, { show: 'en', source: 'x' })).status).toBe(405)
    expect((await post(`${base}/${secret}/show`, { show: 'en', source: 'x' }, { Origin: 'http://127.0.0.2:8000' })).status).toBe(403)
    for (const body of [{ show: 'fr', source: 'x' }, { show: 'en' }, { show: '<b>', source: 'x' }, 'en']) {
      expect((await post(`${base}/${secret}/show`, body)).status, JSON.stringify(body)).toBe(400)
    }
    expect((await post(`${base}/${secret}/show`, { show: 'zh-Hant', source: 'remote' })).status).toBe(204)
    await until('"show":"zh-Hant"')
    expect(seen).not.toContain('"show":"en"')
    expect(seen).toMatch(/"source":"[^"]*","show":"zh-Hant","shownBy":"remote"\}/)
    // A device joining now is told at once.
    const late = (await fetch(`${base}/events`)).body!.pipeThrough(new TextDecoderStream()).getReader()
    expect((await late.read()).value).toContain('"show":"zh-Hant"')
    await late.cancel()
    await reader.cancel()
  })

  it('accepts only a plain position', () => {
    expect(parsePosition('{"page":2,"clicks":1,"source":"a","evil":true}')).toEqual({ page: 2, clicks: 1, source: 'a' })
    for (const body of ['', 'null', '{"page":0,"clicks":0,"source":"a"}', '{"page":1.5,"clicks":0,"source":"a"}', '{"page":2,"clicks":-1,"source":"a"}', '{"page":2,"clicks":0,"source":"<script>"}']) {
      expect(parsePosition(body), body).toBeUndefined()
    }
  })

  it('prints the addresses other devices use', () => {
    expect(shownHost('192.168.1.5')).toBe('192.168.1.5')
    expect(shownHost('0.0.0.0', { eth0: [{ address: '10.0.0.7', family: 'IPv4', internal: false, netmask: '', mac: '', cidr: null }] })).toBe('10.0.0.7')
    expect(shownHost('0.0.0.0', {})).toBeUndefined()
    expect(roomUrls('10.0.0.7', 3030, 'S3CRET')).toEqual({ audience: 'http://10.0.0.7:3030/', presenter: 'http://10.0.0.7:3030/S3CRET/#/presenter/1' })
    expect(roomUrls('10.0.0.7', 3030, 'S3CRET', 3031)).toEqual({ audience: 'http://10.0.0.7:3030/', presenter: 'https://10.0.0.7:3031/S3CRET/#/presenter/1' })
    expect([securePortFor(3030), securePortFor(65535)]).toEqual([3031, 65534])
  })
})

describe('the room server with HTTPS for the presenter', () => {
  it('answers the secret only over HTTPS; the plain port serves the audience and does not know the secret', async () => {
    const { makeCertificate } = await import('./room-certificate.ts')
    const hosts = allowedHostnames('127.0.0.1')
    const certificate = await makeCertificate(hosts)
    expect(certificate.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
    const tls = { key: certificate.key, cert: certificate.cert, port: 0 }
    const both = await startRoomServer({ audienceDir: path.join(dir, 'audience'), presenterDir: path.join(dir, 'presenter'), secret, host: '127.0.0.1', port: 0, hosts, tls })
    try {
      const { request } = await import('node:https')
      const get = (url: string) =>
        new Promise<{ status: number; body: string }>((resolve, reject) => {
          request(url, { rejectUnauthorized: false }, (res) => {
            let body = ''
            res.on('data', (chunk: Buffer) => (body += chunk.toString()))
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
          })
            .on('error', reject)
            .end()
        })
      expect((await get(`https://127.0.0.1:${both.securePort}/${secret}/`)).body).toContain('NOTE TEXT')
      const plain = await fetch(`http://127.0.0.1:${both.port}/${secret}/`)
      expect(await plain.text()).not.toContain('NOTE TEXT')
      expect((await post(`http://127.0.0.1:${both.port}/${secret}/position`, { page: 2, clicks: 0, source: 'x' })).status).toBe(405)
      expect(await (await fetch(`http://127.0.0.1:${both.port}/`)).text()).toContain('SLIDES ONLY')
    } finally {
      await both.close()
    }
  })
})
