/**
 * Files of a static Slidev build, served to the room: only files inside the
 * build folder (no dotfile, no symbolic link), and its index.html marked with the page's role so that
 * setup/room-sync.ts knows where to follow (and, for the presenter, post) the
 * position. A plain static site has no mark, and the sync stays off.
 */
import { lstat, readFile, realpath } from 'node:fs/promises'
import path from 'node:path'

export interface RoomRole {
  /** Server-sent events of the presenter's position. */
  events: string
  /** Where a presenter page posts its position (behind the secret); absent for the audience. */
  position?: string
  /** Where a presenter page posts the languages the room shows (behind the secret); absent for the audience. */
  show?: string
  /** The QR code of the presenter's address, for a phone (behind the secret); absent for the audience. */
  phone?: string
}

export const ROLE_META = 'briefdeck-room'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
}

export interface RoomFile {
  body: Buffer
  type: string
}

/** The file at `urlPath` (already without the base) in `root`, or undefined. */
export async function readRoomFile(root: string, urlPath: string, role: RoomRole): Promise<RoomFile | undefined> {
  let relative: string
  try {
    relative = decodeURIComponent(urlPath).replace(/^\/+/, '')
  } catch {
    return undefined
  }
  if (relative === '') relative = 'index.html'
  // No dotfile nor dot folder: a build has none, and an editor's or a tool's would be private.
  if (relative.split(/[\\/]/).some((segment) => segment.startsWith('.'))) return undefined
  const file = path.resolve(root, relative)
  if (file !== root && !file.startsWith(root + path.sep)) return undefined
  // No symbolic link anywhere below the root (the builds are hard links): one could lead out of it.
  const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]).catch(() => [])
  if (!realRoot || realFile !== path.join(realRoot, path.relative(root, file))) return undefined
  const info = await lstat(file).catch(() => undefined)
  if (!info?.isFile()) return undefined
  const type = TYPES[path.extname(file)] ?? 'application/octet-stream'
  const body = await readFile(file)
  if (relative !== 'index.html') return { body, type }
  return { body: Buffer.from(markRole(body.toString('utf8'), role)), type }
}

export function markRole(html: string, role: RoomRole): string {
  const content = JSON.stringify(role).replaceAll('&', '&amp;').replaceAll('"', '&quot;')
  return html.replace(/<head>/i, `<head><meta name="${ROLE_META}" content="${content}">`)
}
