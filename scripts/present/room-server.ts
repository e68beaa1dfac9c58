/**
 * briefdeck's own server for presenting to a room (`npm start -- --lan`).
 *
 * - `/…` (anyone): the audience build, made with `--without-notes`, so no
 *   response here holds a note;
 * - `/events` (anyone): the presenter's slide and click, as server-sent events;
 * - `/SECRET/…`: the presenter build (notes) and, by POST, the only way to move
 *   the room: `/SECRET/position`. The secret (≥ 128 random bits) is checked
 *   here, on every request, in constant time.
 *
 * Nothing else is answered; no request writes a file.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { parsePosition, samePlace, type Position } from './position.ts'
import { readRoomFile, type RoomRole } from './room-files.ts'

export interface RoomServerOptions {
  audienceDir: string
  presenterDir: string
  secret: string
  /** The address to listen on: one interface, or 0.0.0.0 for all. */
  host: string
  port: number
}

export interface RoomServer {
  port: number
  close: () => Promise<void>
}

/** 32 random bytes, URL-safe: 256 bits. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url')
}

const EVENTS = '/events'
const MAX_BODY = 1024
/** Keeps idle connections (phones, proxies) from dropping the event stream. */
const PING_MS = 20_000

const HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
}

export async function startRoomServer(options: RoomServerOptions): Promise<RoomServer> {
  const secret = Buffer.from(options.secret)
  const audienceRole: RoomRole = { events: EVENTS }
  const presenterRole: RoomRole = { events: EVENTS, position: `/${options.secret}/position` }
  const listeners = new Set<ServerResponse>()
  let position: Position = { page: 1, clicks: 0, source: 'start' }

  const isSecret = (segment: string) => {
    const given = Buffer.from(segment)
    return given.length === secret.length && timingSafeEqual(given, secret)
  }

  function send(res: ServerResponse, status: number, text: string): void {
    res.writeHead(status, { ...HEADERS, 'Content-Type': 'text/plain; charset=utf-8' })
    res.end(`${text}\n`)
  }

  async function serveFile(res: ServerResponse, root: string, urlPath: string, role: RoomRole, head: boolean) {
    const file = await readRoomFile(root, urlPath, role)
    if (!file) return send(res, 404, 'Not found')
    res.writeHead(200, { ...HEADERS, 'Content-Type': file.type, 'Content-Length': file.body.length })
    res.end(head ? undefined : file.body)
  }

  function follow(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { ...HEADERS, 'Content-Type': 'text/event-stream' })
    res.write(`data: ${JSON.stringify(position)}\n\n`)
    listeners.add(res)
    req.once('close', () => listeners.delete(res))
  }

  async function move(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Only the presenter's pages post, from this server's own origin.
    const origin = req.headers.origin
    if (origin !== undefined && origin !== `http://${req.headers.host}`) return send(res, 403, 'Forbidden')
    let body = ''
    for await (const chunk of req) {
      body += String(chunk)
      if (body.length > MAX_BODY) return send(res, 413, 'Too large')
    }
    const next = parsePosition(body)
    if (!next) return send(res, 400, 'Expected {"page": N, "clicks": N, "source": ID}')
    if (!samePlace(next, position)) {
      position = next
      for (const listener of listeners) listener.write(`data: ${JSON.stringify(position)}\n\n`)
    }
    res.writeHead(204, HEADERS)
    res.end()
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://room.invalid')
    const [, first = '', ...rest] = url.pathname.split('/')
    const method = req.method ?? 'GET'
    const reading = method === 'GET' || method === 'HEAD'
    if (isSecret(first)) {
      const inner = `/${rest.join('/')}`
      if (inner === '/position' && method === 'POST') return move(req, res)
      if (reading) return serveFile(res, options.presenterDir, inner, presenterRole, method === 'HEAD')
    } else if (reading) {
      if (url.pathname === EVENTS) return follow(req, res)
      return serveFile(res, options.audienceDir, url.pathname, audienceRole, method === 'HEAD')
    }
    send(res, 405, 'Not allowed')
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'Server error')
      else res.end()
    })
  })
  const ping = setInterval(() => listeners.forEach((listener) => listener.write(': ping\n\n')), PING_MS)
  ping.unref()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => resolve())
  })
  const address = server.address()
  return {
    port: typeof address === 'object' && address ? address.port : options.port,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(ping)
        listeners.forEach((listener) => listener.end())
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
