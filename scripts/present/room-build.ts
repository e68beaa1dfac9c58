/**
 * The two static builds a room is served from: the audience's without notes
 * (`slidev build --without-notes`, as `npm run site -- --public` does) and the
 * presenter's with them — the static builds the site and the export use
 * (scripts/builds/static-builds.ts: a relative base and hash URLs, reused from
 * the cache when the deck is unchanged), linked into the room's folder. The
 * presenter's build works under whatever path the server puts it (the
 * secret's): the secret is made after the builds, and never appears on a
 * command line (the process list) nor in a built file.
 */
import path from 'node:path'
import { linkBuild } from '../builds/link-build.ts'
import { COMPLETE, needsBuild, staticBuilds } from '../builds/static-builds.ts'
import type { BuildProgress } from '../io/progress.ts'

export interface RoomBuilds {
  audienceDir: string
  presenterDir: string
}

export async function buildForRoom(deck: string, dir: string, progress?: BuildProgress): Promise<RoomBuilds> {
  const audienceDir = path.join(dir, 'audience')
  const presenterDir = path.join(dir, 'presenter')
  // One after the other: Slidev writes generated modules into the deck folder's
  // node_modules/.slidev, and two builds of one folder at once overwrite each other's.
  // Both builds counted before either starts (each call would count only its own): "deck 1 of 2".
  const builds = await Promise.all([needsBuild(deck, { withoutNotes: true }), needsBuild(deck)])
  progress?.planned(builds.filter(Boolean).length)
  const told = progress ? { progress: { ...progress, planned: () => {} } } : {}
  const [audience] = await staticBuilds({ decks: [deck], withoutNotes: true, ...told })
  const [presenter] = await staticBuilds({ decks: [deck], ...told })
  await linkBuild(audience!.dir, audienceDir, new Set([COMPLETE]))
  await linkBuild(presenter!.dir, presenterDir, new Set([COMPLETE]))
  return { audienceDir, presenterDir }
}
