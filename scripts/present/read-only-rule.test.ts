import { describe, expect, it } from 'vitest'
import { judgeRequest, judgeSyncBody, judgeUpgrade, normalPath, type RequestFacts } from './read-only-rule.ts'

const own = 'localhost:3030'
const request = (method: string, url: string, headers: RequestFacts['headers'] = {}): RequestFacts => ({ method, url, headers: { host: own, ...headers } })
const fromPage = (site: string, origin: string) => ({ 'sec-fetch-site': site, 'sec-fetch-mode': 'cors', origin })

describe('judgeRequest', () => {
  it('refuses every write to a deck, whoever sends it', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      expect(judgeRequest(request(method, '/__slidev/slides/3.json', fromPage('same-origin', `http://${own}`))).allowed).toBe(false)
      expect(judgeRequest(request(method, '/__slidev/slides/3.json')).allowed).toBe(false)
    }
  })

  it('accepts sync-state updates only from a page of the server itself', () => {
    expect(judgeRequest(request('POST', '/@server-reactive/nav', { ...fromPage('same-origin', `http://${own}`), 'content-type': 'application/json' })).allowed).toBe(true)
    expect(judgeRequest(request('POST', '/@server-reactive/nav', fromPage('cross-site', 'http://127.0.0.2:8000'))).allowed).toBe(false)
    expect(judgeRequest(request('POST', '/@server-ref/nav', fromPage('same-site', 'http://localhost:9999'))).allowed).toBe(false)
    // An origin that claims to be ours but a browser says is not.
    expect(judgeRequest(request('POST', '/@server-reactive/nav', fromPage('cross-site', `http://${own}`))).allowed).toBe(false)
    // No Origin: not a page of ours (browsers send Origin with every POST).
    expect(judgeRequest(request('POST', '/@server-reactive/nav')).allowed).toBe(false)
    // A foreign Host (DNS rebinding) with a matching Origin.
    expect(judgeRequest({ method: 'POST', url: '/@server-reactive/nav', headers: { host: 'evil.example:3030', origin: 'http://evil.example:3030' } }).allowed).toBe(false)
  })

  it('lets the own pages and typed addresses read, and refuses reads and navigations from other sites', () => {
    expect(judgeRequest(request('GET', '/presenter/1', { 'sec-fetch-site': 'none', 'sec-fetch-mode': 'navigate' })).allowed).toBe(true)
    expect(judgeRequest(request('GET', '/presenter/1', { 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'navigate' })).allowed).toBe(true)
    for (const site of ['cross-site', 'same-site']) {
      expect(judgeRequest(request('GET', '/presenter/1', { 'sec-fetch-site': site, 'sec-fetch-mode': 'navigate' })).allowed, site).toBe(false)
    }
    expect(judgeRequest(request('GET', '/@fs/x.ts', { 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors' })).allowed).toBe(true)
    expect(judgeRequest(request('GET', '/'))).toEqual({ allowed: true })
    expect(judgeRequest(request('GET', '/__slidev/slides/3.json', { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors' })).allowed).toBe(false)
    expect(judgeRequest(request('GET', '/__slidev/slides/3.json', { 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'cors' })).allowed).toBe(false)
  })

  it('answers only at loopback names, whoever asks and however', () => {
    // Other names of this machine: browsers send no Sec-Fetch-* there, and DNS names can be rebound.
    for (const host of ['0.0.0.0:3030', '[::ffff:127.0.0.1]:3030', '[::ffff:7f00:1]:3030', '[::]:3030', 'evil.localhost:3030', 'evil.example:3030', '127.0.0.1.evil.example:3030', '']) {
      for (const method of ['GET', 'HEAD', 'OPTIONS', 'POST']) {
        expect(judgeRequest({ method, url: '/__slidev/slides/2.json', headers: { host } }), `${method} ${host}`).toMatchObject({ allowed: false, silent: true })
      }
      expect(judgeUpgrade({ method: 'GET', url: '/', headers: { host } }).allowed, host).toBe(false)
    }
    for (const host of ['localhost:3030', '127.0.0.1:3030', '127.0.0.5:3030', '[::1]:3030']) {
      expect(judgeRequest({ method: 'GET', url: '/presenter/1', headers: { host } }).allowed, host).toBe(true)
    }
  })

  it("refuses reads with another site's Origin (Vite's CORS would answer *.localhost pages), and gives pages of other sites no answer but to a navigation", () => {
    for (const origin of ['http://evil.localhost:4000', 'http://localhost:4000', 'http://127.0.0.2:3030', 'null']) {
      for (const url of ['/__slidev/slides/2.json', '/@server-reactive/nav', '/@fs/x/content/brief.txt']) {
        expect(judgeRequest(request('GET', url, { origin })), `${origin} ${url}`).toMatchObject({ allowed: false, silent: true })
      }
    }
    expect(judgeRequest(request('GET', '/@fs/x.ts', { origin: `http://${own}` })).allowed).toBe(true)
    // No answer to a page's probe (no-cors), a write from another site, or a read it sends.
    expect(judgeRequest(request('GET', '/', { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors' }))).toMatchObject({ allowed: false, silent: true })
    expect(judgeRequest(request('POST', '/@server-reactive/nav', fromPage('cross-site', 'http://127.0.0.2:8000')))).toMatchObject({ allowed: false, silent: true })
    expect(judgeRequest(request('POST', '/__mcp', fromPage('same-site', 'http://localhost:9999')))).toMatchObject({ allowed: false, silent: true })
    // A refusal page for a navigation, and a plain refusal for a script on this machine (no page).
    expect(judgeRequest(request('GET', '/presenter/1', { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' }))).toEqual({ allowed: false, status: 403, reason: expect.stringContaining('another site') })
    expect(judgeRequest(request('POST', '/__slidev/slides/3.json'))).toEqual({ allowed: false, status: 405, reason: expect.any(String) })
  })

  it('turns off the MCP editor and "open in editor" entirely', () => {
    expect(judgeRequest(request('POST', '/__mcp', fromPage('same-origin', `http://${own}`))).allowed).toBe(false)
    expect(judgeRequest(request('GET', '/__mcp/')).allowed).toBe(false)
    expect(judgeRequest(request('GET', '/__open-in-editor?file=/etc/passwd')).allowed).toBe(false)
  })

  it('refuses those endpoints however their path is spelt', () => {
    for (const url of ['/__OPEN-IN-EDITOR?file=/etc/hosts', '/__open-in-editor.x?file=/etc/hostname', '/__Open-In-Editor/', '//__open-in-editor', '/%5F%5Fopen-in-editor', '/%255F%255Fopen-in-editor', '/__MCP', '/__mcp.x', '/%5f%5fmcp']) {
      expect(judgeRequest(request('GET', url, { 'sec-fetch-site': 'none', 'sec-fetch-mode': 'navigate' })).allowed, url).toBe(false)
    }
    expect(judgeRequest(request('GET', '/%E0%A4%A')).allowed).toBe(false)
    expect(normalPath('/%5F%5FOpen?x=1')).toBe('/__open')
  })

  it('accepts exactly the nav key of the sync, as JSON, with no prototype keys', () => {
    const json = { ...fromPage('same-origin', `http://${own}`), 'content-type': 'application/json' }
    expect(judgeRequest(request('POST', '/@server-reactive/nav', json)).allowed).toBe(true)
    for (const url of ['/@server-reactive/snapshots', '/@server-reactive/drawings', '/@server-reactive/__proto__/x', '/@server-ref/nav', '/@server-reactive/nav/x', '/@server-reactive/nav?x', '/@server-reactive/NAV']) {
      expect(judgeRequest(request('POST', url, json)).allowed, url).toBe(false)
    }
    expect(judgeRequest(request('POST', '/@server-reactive/nav', { ...json, 'content-type': 'text/plain' })).allowed).toBe(false)
    expect(judgeRequest(request('POST', '/@server-reactive/nav', { ...json, 'content-length': '10000000' })).allowed).toBe(false)
    expect(judgeSyncBody('{"patch":{"page":2,"clicks":1}}').allowed).toBe(true)
    for (const body of ['{"patch":{"__proto__":{"polluted":1}}}', '{"data":{"a":{"constructor":{"prototype":{"x":1}}}}}', '{"prototype":1}', 'not json', '[1]', 'null']) {
      expect(judgeSyncBody(body).allowed, body).toBe(false)
    }
  })

  it('opens websockets only to the own pages', () => {
    const upgrade = (headers: RequestFacts['headers']) => judgeUpgrade({ method: 'GET', url: '/', headers: { host: own, ...headers } })
    expect(upgrade({ origin: `http://${own}`, 'sec-fetch-site': 'same-origin' }).allowed).toBe(true)
    expect(upgrade({}).allowed).toBe(true)
    expect(upgrade({ origin: 'http://127.0.0.2:8000', 'sec-fetch-site': 'cross-site' }).allowed).toBe(false)
    expect(upgrade({ origin: 'http://127.0.0.2:8000' }).allowed).toBe(false)
    expect(upgrade({ origin: 'http://localhost:9999', 'sec-fetch-site': 'same-site' }).allowed).toBe(false)
  })
})
