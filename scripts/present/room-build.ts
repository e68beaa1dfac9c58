/**
 * The two static builds a room is served from: the audience's without notes
 * (`slidev build --without-notes`, as `npm run site -- --public` does) and the
 * presenter's with them. Hash URLs and a relative base, so that the server
 * only ever serves files, and the presenter's build works under whatever path
 * the server puts it (the secret's): the secret is made after the builds, and
 * never appears on a command line (the process list) nor in a built file.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import { PROJECT_ROOT } from '../project.ts'
import { SLIDEV_BIN } from '../slidev/server.ts'

export interface RoomBuilds {
  audienceDir: string
  presenterDir: string
}

/** Relative to the page: the presenter's files load from under the secret path it was opened at. */
const BASE = './'

export async function buildForRoom(deck: string, dir: string): Promise<RoomBuilds> {
  const audienceDir = path.join(dir, 'audience')
  const presenterDir = path.join(dir, 'presenter')
  // One after the other: Slidev writes generated modules into the deck folder's
  // node_modules/.slidev, and two builds of one folder at once overwrite each other's.
  await slidevBuild(deck, audienceDir, BASE, true)
  await slidevBuild(deck, presenterDir, BASE, false)
  return { audienceDir, presenterDir }
}

function slidevBuild(deck: string, outDir: string, base: string, withoutNotes: boolean): Promise<void> {
  const args = [SLIDEV_BIN, 'build', deck, '--out', outDir, '--base', base, '--router-mode', 'hash', ...(withoutNotes ? ['--without-notes'] : [])]
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let log = ''
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()))
    child.once('error', reject)
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`slidev build ${deck} exited with ${code}:\n${log.slice(-4000)}`))))
  })
}
