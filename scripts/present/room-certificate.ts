/**
 * The presenter's HTTPS certificate: made at each start (`selfsigned`, over
 * Node's own WebCrypto), valid for the addresses the room server answers to,
 * and for two days. Nobody vouches for it, so a browser warns once; the
 * fingerprint printed beside the address is what the presenter compares with
 * the one the browser shows before accepting it.
 */
import { X509Certificate } from 'node:crypto'
import { isIP } from 'node:net'
import { generate } from 'selfsigned'

export interface RoomCertificate {
  key: string
  cert: string
  /** SHA-256 of the certificate, as browsers show it: `AB:CD:…`. */
  fingerprint: string
}

const VALID_MS = 2 * 24 * 60 * 60 * 1000

/** `names`: host names and addresses (IPv6 in brackets or not). */
export async function makeCertificate(names: Iterable<string>): Promise<RoomCertificate> {
  const altNames = [...new Set([...names].map((name) => name.replace(/^\[|\]$/g, '')))].map((name) =>
    isIP(name) ? { type: 7 as const, ip: name } : { type: 2 as const, value: name },
  )
  const now = new Date()
  const pems = await generate([{ name: 'commonName', value: 'briefdeck presenter' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: now,
    notAfterDate: new Date(now.getTime() + VALID_MS),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames },
    ],
  })
  return { key: pems.private, cert: pems.cert, fingerprint: new X509Certificate(pems.cert).fingerprint256 }
}
