/**
 * briefdeck's own server for presenting to a room (`npm start -- --lan`).
 *
 * - `/…` (anyone): the audience build, made with `--without-notes`, so no
 *   response here holds a note;
 * - `/events` (anyone): the presenter's slide and click, as server-sent events;
 * - `/SECRET/…`: the presenter build (notes), its own event stream
 *   (`/SECRET/events`, never refused for the audience's sake: room-limits.ts)
 *   and, by POST, the only ways to move the room: `/SECRET/position`, and
 *   `/SECRET/show`, the languages the room's bilingual deck shows (both, 中文
 *   or English: the presenter's `L`), which travel to every device with the
 *   position. The secret (≥ 128 random bits) is checked here, on every
 *   request, in constant time.
 *
 * With `tls`, the presenter's paths are answered only over HTTPS, on a port of
 * their own: the secret never crosses the network in clear. The plain HTTP
 * port serves the audience and does not know the secret; the HTTPS port
 * serves nothing but the secret's paths. (The builds sync windows of one
 * origin; an audience page opened there by another site would share the
 * presenter's origin.)
 *
 * Only the names in `hosts` are answered (no DNS rebinding); the limits of
 * room-limits.ts keep any one device from freezing the room.
 * Nothing else is answered; no request writes a file.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import { parsePosition, parseShown, samePlace, type Position, type Shown } from './position.ts'
import { qrSvg } from './qr-svg.ts'
import { readRoomFile, type RoomRole } from './room-files.ts'
import { isAllowedHost, isOwnOrigin } from './room-hosts.ts'
import { limitSockets, ROOM_LIMITS, StreamRegistry, type RoomLimits } from './room-limits.ts'

export interface RoomServerOptions {
  audienceDir: string
  presenterDir: string
  secret: string
  /** The address to listen on: one interface, or 0.0.0.0 for all. */
  host: string
  port: number
  /** Host names answered (see room-hosts.ts); loopback addresses always are. */
  hosts: Set<string>
  /** The presenter over HTTPS on `port` (0: any free port); without it, the presenter is on plain HTTP. */
  tls?: { key: string; cert: string; port: number }
  limits?: Partial<RoomLimits>
  /**
   * The presenter's address as printed (with the secret), once the ports are known: the
   * presenter view offers it to a phone as a QR code (`/SECRET/phone.svg`), under the secret only.
   */
  presenterAddress?: (ports: { port: number; securePort?: number }) => string
}

export interface RoomServer {
  port: number
  /** The HTTPS port of the presenter, when `tls` was given. */
  securePort?: number
  close: () => Promise<void>
}

/** 32 random bytes, URL-safe: 256 bits. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url')
}

const EVENTS = '/events'
/** The presenter's own event stream, under the secret. */
const PRESENTER_EVENTS = '/events'
/** The presenter's address as a QR code, under the secret. */
const PHONE_QR = '/phone.svg'
const MAX_BODY = 1024
/** Keeps idle connections (phones, proxies) from dropping the event stream. */
const PING_MS = 20_000
/** How often Node checks the header and request timeouts. */
const CHECK_MS = 1_000

const HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  // No other site may frame the views, keep a handle on their windows, or embed their files.
  'Content-Security-Policy': "frame-ancestors 'self'",
  'X-Frame-Options': 'SAMEORIGIN',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
}

/**
 * TLS 1.2 and 1.3 only; in 1.2, forward-secret AEAD suites only (no CBC, no SHA-1 MACs, no
 * RSA key exchange). TLS 1.3's suites are all AEAD. Every browser of the last years has these.
 */
export const TLS_SETTINGS = {
  minVersion: 'TLSv1.2',
  ciphers: [
    'TLS_AES_128_GCM_SHA256',
    'TLS_AES_256_GCM_SHA384',
    'TLS_CHACHA20_POLY1305_SHA256',
    'ECDHE-ECDSA-AES128-GCM-SHA256',
    'ECDHE-ECDSA-AES256-GCM-SHA384',
    'ECDHE-ECDSA-CHACHA20-POLY1305',
    'ECDHE-RSA-AES128-GCM-SHA256',
    'ECDHE-RSA-AES256-GCM-SHA384',
    'ECDHE-RSA-CHACHA20-POLY1305',
  ].join(':'),
  honorCipherOrder: true,
} as const

export async function startRoomServer(options: RoomServerOptions): Promise<RoomServer> {
  const limits: RoomLimits = { ...ROOM_LIMITS, ...options.limits }
  const secret = Buffer.from(options.secret)
  const audienceRole: RoomRole = { events: EVENTS }
  const presenterRole: RoomRole = {
    events: `/${options.secret}${PRESENTER_EVENTS}`,
    position: `/${options.secret}/position`,
    show: `/${options.secret}/show`,
    ...(options.presenterAddress ? { phone: `/${options.secret}${PHONE_QR}` } : {}),
  }
  /** The QR code of the presenter's address, drawn once the ports are known. */
  let phoneQr: string | undefined
  const streams = new StreamRegistry(limits)
  let position: Position = { page: 1, clicks: 0, source: 'start' }
  /** Unset until the presenter chooses: the deck's own (both languages, or a stored choice). */
  let shown: Shown | undefined
  /** What every device is told: the position, and the languages once chosen. */
  const room = () => JSON.stringify(shown ? { ...position, show: shown.show, shownBy: shown.source } : position)

  const isSecret = (segment: string) => {
    const given = Buffer.from(segment)
    return given.length === secret.length && timingSafeEqual(given, secret)
  }

  function send(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
    res.writeHead(status, { ...HEADERS, ...extra, 'Content-Type': 'text/plain; charset=utf-8' })
    res.end(`${text}\n`)
  }

  async function serveFile(res: ServerResponse, root: string, urlPath: string, role: RoomRole, head: boolean) {
    const file = await readRoomFile(root, urlPath, role)
    if (!file) return send(res, 404, 'Not found')
    res.writeHead(200, { ...HEADERS, 'Content-Type': file.type, 'Content-Length': file.body.length })
    res.end(head ? undefined : file.body)
  }

  /** `presenter`: a stream asked for under the secret, counted apart from the audience's. */
  function follow(req: IncomingMessage, res: ServerResponse, presenter: boolean): void {
    const head = { ...HEADERS, 'Content-Type': 'text/event-stream' }
    // A HEAD opens no stream: answered at once, and not counted.
    if (req.method === 'HEAD') return void res.writeHead(200, head).end()
    if (!streams.add(res, req.socket.remoteAddress ?? '', presenter)) {
      return send(res, 429, 'Too many open event streams', { 'Retry-After': '10', Connection: 'close' })
    }
    res.writeHead(200, head)
    res.write(`data: ${room()}\n\n`)
  }

  /** A presenter page's post: from this server's own origin, at most MAX_BODY long; undefined once answered. */
  async function readPost(req: IncomingMessage, res: ServerResponse, secure: boolean): Promise<string | undefined> {
    if (!isOwnOrigin(req.headers.origin, req.headers.host, options.hosts, secure)) return void send(res, 403, 'Forbidden')
    let body = ''
    for await (const chunk of req) {
      body += String(chunk)
      if (body.length > MAX_BODY) return void send(res, 413, 'Too large', { Connection: 'close' })
    }
    return body
  }

  async function move(req: IncomingMessage, res: ServerResponse, secure: boolean): Promise<void> {
    const body = await readPost(req, res, secure)
    if (body === undefined) return
    const next = parsePosition(body)
    if (!next) return send(res, 400, 'Expected {"page": N, "clicks": N, "source": ID}')
    if (!samePlace(next, position)) {
      position = next
      streams.broadcast(`data: ${room()}\n\n`)
    }
    res.writeHead(204, HEADERS)
    res.end()
  }

  async function choose(req: IncomingMessage, res: ServerResponse, secure: boolean): Promise<void> {
    const body = await readPost(req, res, secure)
    if (body === undefined) return
    const next = parseShown(body)
    if (!next) return send(res, 400, 'Expected {"show": "both" | "zh-Hant" | "en", "source": ID}')
    if (next.show !== shown?.show) {
      shown = next
      streams.broadcast(`data: ${room()}\n\n`)
    }
    res.writeHead(204, HEADERS)
    res.end()
  }

  /**
   * `presenter`: whether this server answers the secret's paths; `audience`: whether it serves
   * the audience build and its stream (not the HTTPS port, which serves the presenter only).
   */
  function handler(presenter: boolean, audience: boolean, secure: boolean) {
    return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
      if (!isAllowedHost(req.headers.host, options.hosts)) return send(res, 421, 'Unknown host')
      const url = new URL(req.url ?? '/', 'http://room.invalid')
      const [, first = '', ...rest] = url.pathname.split('/')
      const method = req.method ?? 'GET'
      const reading = method === 'GET' || method === 'HEAD'
      if (presenter && isSecret(first)) {
        const inner = `/${rest.join('/')}`
        if (inner === '/position' && method === 'POST') return move(req, res, secure)
        if (inner === '/show' && method === 'POST') return choose(req, res, secure)
        if (inner === PRESENTER_EVENTS && reading) return follow(req, res, true)
        if (inner === PHONE_QR && reading && phoneQr) {
          res.writeHead(200, { ...HEADERS, 'Content-Type': 'image/svg+xml' })
          return void res.end(method === 'HEAD' ? undefined : phoneQr)
        }
        if (reading) return serveFile(res, options.presenterDir, inner, presenterRole, method === 'HEAD')
      } else if (!audience) {
        return send(res, 404, 'Not found')
      } else if (reading) {
        if (url.pathname === EVENTS) return follow(req, res, false)
        return serveFile(res, options.audienceDir, url.pathname, audienceRole, method === 'HEAD')
      }
      send(res, 405, 'Not allowed')
    }
  }

  function serve(handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>) {
    return (req: IncomingMessage, res: ServerResponse) => {
      handle(req, res).catch(() => {
        if (!res.headersSent) send(res, 500, 'Server error')
        else res.end()
      })
    }
  }

  const limit = limitSockets(limits)
  const timeouts = { headersTimeout: limits.headersMs, requestTimeout: limits.requestMs, connectionsCheckingInterval: CHECK_MS }
  let plainPort = options.port
  let securePort = options.tls?.port ?? 0
  const plain: Server = createServer(timeouts, serve(handler(!options.tls, true, false)))
  limit(plain)
  const servers: Server[] = [plain]
  if (options.tls) {
    const secure = createHttpsServer(
      { ...timeouts, ...TLS_SETTINGS, key: options.tls.key, cert: options.tls.cert, handshakeTimeout: limits.handshakeMs },
      serve(handler(true, false, true)),
    )
    limit(secure)
    servers.push(secure)
  }
  const ping = setInterval(() => streams.broadcast(': ping\n\n'), PING_MS)
  ping.unref()
  const listen = (server: Server, port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, options.host, () => {
        server.off('error', reject)
        const address = server.address()
        resolve(typeof address === 'object' && address ? address.port : port)
      })
    })
  const close = () =>
    Promise.all(
      servers.map(
        (server) =>
          new Promise<void>((resolve) => {
            server.close(() => resolve())
            server.closeAllConnections()
          }),
      ),
    ).then(() => undefined)
  try {
    plainPort = await listen(plain, options.port)
    if (servers[1]) securePort = await listen(servers[1], securePort)
    if (options.presenterAddress) phoneQr = qrSvg(options.presenterAddress({ port: plainPort, ...(options.tls ? { securePort } : {}) }))
  } catch (error) {
    clearInterval(ping)
    await close()
    throw error
  }
  return {
    port: plainPort,
    ...(options.tls ? { securePort } : {}),
    close: async () => {
      clearInterval(ping)
      streams.endAll()
      await close()
    },
  }
}
