import { describe, expect, it } from 'vitest'
import { judgeRequest, type RequestFacts } from './read-only-rule.ts'

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
    expect(judgeRequest(request('POST', '/@server-reactive/nav', fromPage('same-origin', `http://${own}`))).allowed).toBe(true)
    expect(judgeRequest(request('POST', '/@server-reactive/nav', fromPage('cross-site', 'http://127.0.0.2:8000'))).allowed).toBe(false)
    expect(judgeRequest(request('POST', '/@server-ref/nav', fromPage('same-site', 'http://localhost:9999'))).allowed).toBe(false)
    // An origin that claims to be ours but a browser says is not.
    expect(judgeRequest(request('POST', '/@server-reactive/nav', fromPage('cross-site', `http://${own}`))).allowed).toBe(false)
    // No Origin: not a page of ours (browsers send Origin with every POST).
    expect(judgeRequest(request('POST', '/@server-reactive/nav')).allowed).toBe(false)
    // A foreign Host (DNS rebinding) with a matching Origin.
    expect(judgeRequest({ method: 'POST', url: '/@server-reactive/nav', headers: { host: 'evil.example:3030', origin: 'http://evil.example:3030' } }).allowed).toBe(false)
  })

  it('lets the own pages and navigations read, and refuses reads from other sites', () => {
    expect(judgeRequest(request('GET', '/presenter/1', { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' })).allowed).toBe(true)
    expect(judgeRequest(request('GET', '/@fs/x.ts', { 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors' })).allowed).toBe(true)
    expect(judgeRequest(request('GET', '/'))).toEqual({ allowed: true })
    expect(judgeRequest(request('GET', '/__slidev/slides/3.json', { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors' })).allowed).toBe(false)
    expect(judgeRequest(request('GET', '/__slidev/slides/3.json', { 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'cors' })).allowed).toBe(false)
  })

  it('turns off the MCP editor and "open in editor" entirely', () => {
    expect(judgeRequest(request('POST', '/__mcp', fromPage('same-origin', `http://${own}`))).allowed).toBe(false)
    expect(judgeRequest(request('GET', '/__mcp/')).allowed).toBe(false)
    expect(judgeRequest(request('GET', '/__open-in-editor?file=/etc/passwd')).allowed).toBe(false)
  })
})
