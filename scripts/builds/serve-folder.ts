import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import path from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
}

export interface FolderServer {
  /** `http://127.0.0.1:PORT` (no trailing slash). */
  url: string
  close: () => Promise<void>
}

/**
 * Serves a folder as it is, on the loopback address only: files, and
 * `index.html` for a folder. Static builds use hash URLs, so nothing needs
 * rewriting; anything missing is a 404 the page (and a test) can see.
 */
export async function serveFolder(root: string): Promise<FolderServer> {
  const server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname)
    let file = path.join(root, pathname)
    if (file !== root && !file.startsWith(root + path.sep)) return void response.writeHead(403).end()
    if ((await stat(file).catch(() => undefined))?.isDirectory()) file = path.join(file, 'index.html')
    if (!(await stat(file).catch(() => undefined))?.isFile()) return void response.writeHead(404).end()
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' })
    createReadStream(file).pipe(response)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  }
}
