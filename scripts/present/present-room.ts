/**
 * `npm start -- --lan`: present one deck to the room. Builds the audience's
 * and the presenter's static decks, serves them with the room server, prints
 * the two addresses (a QR code of the audience's for phones) and what is
 * exposed, and stops on Ctrl-C. See README "Presenting to a room".
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { networkInterfaces } from 'node:os'
import path from 'node:path'
import qrcode from 'qrcode-terminal'
import type { Output } from '../cli/build.ts'
import { UserError } from '../cli/user-error.ts'
import { presentMessages, roomMessages } from '../messages.ts'
import { PROJECT_ROOT } from '../project.ts'
import { buildForRoom } from './room-build.ts'
import { newSecret, startRoomServer, type RoomServer } from './room-server.ts'

export interface RoomOptions {
  /** The address to listen on; all interfaces when left out. */
  host?: string
  port: number
}

const ALL_INTERFACES = '0.0.0.0'

/** The address other devices use: the one given, or this machine's first network address. */
export function shownHost(listenOn: string, interfaces = networkInterfaces()): string | undefined {
  if (listenOn !== ALL_INTERFACES && listenOn !== '::') return listenOn.includes(':') ? `[${listenOn}]` : listenOn
  return Object.values(interfaces)
    .flat()
    .find((address) => address && address.family === 'IPv4' && !address.internal)?.address
}

/** The two addresses of a room: the audience's, and the presenter's with the secret. */
export function roomUrls(host: string, port: number, secret: string): { audience: string; presenter: string } {
  return { audience: `http://${host}:${port}/`, presenter: `http://${host}:${port}/${secret}/#/presenter/1` }
}

function qrOf(text: string): Promise<string> {
  return new Promise((resolve) => qrcode.generate(text, { small: true }, resolve))
}

export async function presentToRoom(deck: string, deckName: string, room: RoomOptions, stop: Promise<void>, output: Output): Promise<number> {
  const secret = newSecret()
  await mkdir(path.join(PROJECT_ROOT, '.tmp'), { recursive: true })
  const dir = await mkdtemp(path.join(PROJECT_ROOT, '.tmp', 'room-'))
  let server: RoomServer | undefined
  try {
    output.out(roomMessages.building())
    const builds = await buildForRoom(deck, dir, secret)
    const listenOn = room.host ?? ALL_INTERFACES
    server = await startRoomServer({ ...builds, secret, host: listenOn, port: room.port }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') throw new UserError(presentMessages.portInUse(room.port))
      if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') throw new UserError(roomMessages.badHost(listenOn))
      throw error
    })
    const host = shownHost(listenOn)
    if (!host) output.err(roomMessages.noNetwork())
    const { audience, presenter } = roomUrls(host ?? '127.0.0.1', server.port, secret)
    output.out(roomMessages.serving(deckName, audience, presenter))
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
