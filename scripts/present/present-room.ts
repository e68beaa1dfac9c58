/**
 * `npm start -- --lan`: present one deck to the room. Builds the audience's
 * and the presenter's static decks, serves them with the room server, prints
 * the two addresses (a QR code of the audience's for phones) and what is
 * exposed, and stops on Ctrl-C. See docs/presenting.md, "Presenting to a room".
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { networkInterfaces } from 'node:os'
import path from 'node:path'
import qrcode from 'qrcode-terminal'
import type { Output } from '../io/output.ts'
import { deckProgress } from '../io/progress.ts'
import { UserError } from '../io/user-error.ts'
import { presentMessages, roomMessages } from '../messages.ts'
import { PROJECT_ROOT } from '../project.ts'
import { buildForRoom } from './room-build.ts'
import { makeCertificate } from './room-certificate.ts'
import { allowedHostnames } from './room-hosts.ts'
import { newSecret, startRoomServer, type RoomServer } from './room-server.ts'

export interface RoomOptions {
  /** The address to listen on; all interfaces when left out. */
  host?: string
  port: number
  /** The presenter over plain HTTP (`--plain-http`): its secret then crosses the network in clear. */
  plainHttp?: boolean
}

const ALL_INTERFACES = '0.0.0.0'

/** The address other devices use: the one given, or this machine's first network address. */
export function shownHost(listenOn: string, interfaces = networkInterfaces()): string | undefined {
  if (listenOn !== ALL_INTERFACES && listenOn !== '::') return listenOn.includes(':') ? `[${listenOn}]` : listenOn
  return Object.values(interfaces)
    .flat()
    .find((address) => address && address.family === 'IPv4' && !address.internal)?.address
}

/** The two addresses of a room: the audience's, and the presenter's with the secret (HTTPS on `securePort`). */
export function roomUrls(host: string, port: number, secret: string, securePort?: number): { audience: string; presenter: string } {
  const presenter = securePort === undefined ? `http://${host}:${port}` : `https://${host}:${securePort}`
  return { audience: `http://${host}:${port}/`, presenter: `${presenter}/${secret}/#/presenter/1` }
}

/** The presenter's HTTPS port: the one after the audience's (before it, at the top of the range). */
export function securePortFor(port: number): number {
  return port < 65535 ? port + 1 : port - 1
}

function qrOf(text: string): Promise<string> {
  return new Promise((resolve) => qrcode.generate(text, { small: true }, resolve))
}

export async function presentToRoom(deck: string, deckName: string, room: RoomOptions, stop: Promise<void>, output: Output): Promise<number> {
  await mkdir(path.join(PROJECT_ROOT, '.tmp'), { recursive: true })
  const dir = await mkdtemp(path.join(PROJECT_ROOT, '.tmp', 'room-'))
  let server: RoomServer | undefined
  try {
    output.out(roomMessages.building())
    const progress = deckProgress(output)
    const builds = await buildForRoom(deck, dir, progress).finally(() => progress.end())
    // Made after the builds: the secret was on no command line and is in no built file.
    const secret = newSecret()
    const listenOn = room.host ?? ALL_INTERFACES
    const hosts = allowedHostnames(listenOn)
    const certificate = room.plainHttp ? undefined : await makeCertificate(hosts)
    const tls = certificate && { key: certificate.key, cert: certificate.cert, port: securePortFor(room.port) }
    const host = shownHost(listenOn)
    // The address the phone reaches, as printed below: its QR code is in the presenter view.
    const presenterAddress = (ports: { port: number; securePort?: number }) => roomUrls(host ?? '127.0.0.1', ports.port, secret, ports.securePort).presenter
    server = await startRoomServer({ ...builds, secret, host: listenOn, port: room.port, hosts, presenterAddress, ...(tls ? { tls } : {}) }).catch((error: NodeJS.ErrnoException & { port?: number }) => {
      if (error.code === 'EADDRINUSE') throw new UserError(presentMessages.portInUse(error.port ?? room.port))
      if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') throw new UserError(roomMessages.badHost(listenOn))
      throw error
    })
    if (!host) output.err(roomMessages.noNetwork())
    const { audience, presenter } = roomUrls(host ?? '127.0.0.1', server.port, secret, server.securePort)
    output.out(roomMessages.serving(deckName, audience, presenter, certificate?.fingerprint))
    if (!certificate) output.err(roomMessages.plainHttp())
    output.out(roomMessages.exposed(`${listenOn === ALL_INTERFACES ? 'every network interface' : listenOn}, port ${server.port}`))
    output.out(await qrOf(audience))
    await stop
    output.out(presentMessages.stopped())
    return 0
  } finally {
    await server?.close()
    await rm(dir, { recursive: true, force: true })
  }
}
