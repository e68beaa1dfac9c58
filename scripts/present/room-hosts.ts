/**
 * The names the room server answers to: the addresses it listens on (every
 * address of this machine when it listens on all), loopback, and `localhost`.
 * A request naming any other host — a page of a DNS name that was rebound to
 * this machine — is refused, and a POST's Origin must be one of these, on
 * this server's scheme and port. Pure: tests feed it plain values.
 */
import { networkInterfaces } from 'node:os'

const ALL = new Set(['0.0.0.0', '::'])

/** The lower-case host names (IPv6 in brackets) of `listenOn`. */
export function allowedHostnames(listenOn: string, interfaces = networkInterfaces()): Set<string> {
  const names = new Set(['localhost', '127.0.0.1', '[::1]'])
  const add = (address: string) => names.add(address.includes(':') ? `[${address.toLowerCase()}]` : address.toLowerCase())
  if (!ALL.has(listenOn)) add(listenOn)
  else for (const address of Object.values(interfaces).flat()) if (address) add(address.address)
  return names
}

/**
 * A Host header naming one of `names`. The port is not judged (a name is what
 * DNS rebinding changes; a port forwarded elsewhere is the network's business).
 */
export function isAllowedHost(host: string | undefined, names: Set<string>): boolean {
  if (!host) return false
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::\d{1,5})?$/i.exec(host)
  if (!match) return false
  const name = (match[1] ?? '').toLowerCase()
  // The whole loopback network, which this machine owns (tests play other devices on 127.x).
  return names.has(name) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name)
}

/** A POST's Origin: absent (not a browser) or the very origin the request was sent to, under an allowed Host. */
export function isOwnOrigin(origin: string | undefined, host: string | undefined, names: Set<string>, secure: boolean): boolean {
  if (!isAllowedHost(host, names)) return false
  return origin === undefined || origin === `${secure ? 'https' : 'http'}://${host}`
}
