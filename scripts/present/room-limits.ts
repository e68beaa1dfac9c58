/**
 * What keeps one device (or a few) from freezing the room server: every
 * open connection costs a file descriptor, and the process has a limited
 * number of them (often 1,024).
 *
 * - sockets: at most `socketsPerAddress` open from one address, and the
 *   server's `maxConnections` in all;
 * - event streams: at most `streams` in all and `streamsPerAddress` from one
 *   address; a stream whose unsent data grows past `pendingBytes` (a device
 *   that stopped reading) is dropped. The presenter's streams (asked for under
 *   the secret) are not counted there: however many the audience holds, the
 *   presenter's pages get theirs, up to `presenterStreams` of their own;
 * - slow requests: headers within `headersMs`, the whole request within
 *   `requestMs`, a TLS handshake within `handshakeMs`.
 */
import type { Server as HttpServer, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import type { Server as TlsServer } from 'node:tls'

export interface RoomLimits {
  connections: number
  socketsPerAddress: number
  streams: number
  streamsPerAddress: number
  presenterStreams: number
  pendingBytes: number
  headersMs: number
  requestMs: number
  handshakeMs: number
}

/** Sized for a room of a few hundred devices under the common limit of 1,024 open files. */
export const ROOM_LIMITS: RoomLimits = {
  connections: 600,
  socketsPerAddress: 32,
  streams: 400,
  streamsPerAddress: 8,
  // The laptop, a phone or tablet as a remote, their reloads: far more than a presenter needs.
  presenterStreams: 32,
  pendingBytes: 64 * 1024,
  headersMs: 10_000,
  requestMs: 30_000,
  handshakeMs: 10_000,
}

/** Counts open sockets per address, across the servers it is applied to. */
export function limitSockets(limits: RoomLimits): (server: HttpServer | TlsServer) => void {
  const open = new Map<string, number>()
  return (server) => {
    server.maxConnections = limits.connections
    if ('headersTimeout' in server) {
      server.headersTimeout = limits.headersMs
      server.requestTimeout = limits.requestMs
    }
    // The raw TCP socket, before any TLS handshake or HTTP parsing.
    server.on('connection', (socket: Socket) => {
      const address = socket.remoteAddress ?? ''
      const count = open.get(address) ?? 0
      if (count >= limits.socketsPerAddress) {
        socket.destroy()
        return
      }
      open.set(address, count + 1)
      socket.once('close', () => {
        const left = (open.get(address) ?? 1) - 1
        if (left > 0) open.set(address, left)
        else open.delete(address)
      })
    })
  }
}

/** The open event streams, capped in all and per address, each dropped when it stops reading. */
export class StreamRegistry {
  private readonly streams = new Map<ServerResponse, string>()
  private readonly perAddress = new Map<string, number>()
  private readonly presenter = new Set<ServerResponse>()

  constructor(private readonly limits: RoomLimits) {}

  /** Adds a stream, or returns false when a cap is reached; `presenter`: the presenter's, counted apart. */
  add(res: ServerResponse, address: string, presenter = false): boolean {
    if (presenter) {
      if (this.presenter.size >= this.limits.presenterStreams) return false
      this.presenter.add(res)
      res.once('close', () => this.presenter.delete(res))
      return true
    }
    const count = this.perAddress.get(address) ?? 0
    if (this.streams.size >= this.limits.streams || count >= this.limits.streamsPerAddress) return false
    this.streams.set(res, address)
    this.perAddress.set(address, count + 1)
    res.once('close', () => this.remove(res))
    return true
  }

  /** Writes to every stream; drops those whose unsent data grew past the limit. */
  broadcast(text: string): void {
    for (const res of [...this.presenter, ...this.streams.keys()]) {
      res.write(text)
      if (res.writableLength > this.limits.pendingBytes) {
        this.remove(res)
        res.destroy()
      }
    }
  }

  /** The audience's streams. */
  get size(): number {
    return this.streams.size
  }

  endAll(): void {
    for (const res of [...this.presenter, ...this.streams.keys()]) res.end()
  }

  private remove(res: ServerResponse): void {
    this.presenter.delete(res)
    const address = this.streams.get(res)
    if (address === undefined) return
    this.streams.delete(res)
    const left = (this.perAddress.get(address) ?? 1) - 1
    if (left > 0) this.perAddress.set(address, left)
    else this.perAddress.delete(address)
  }
}
