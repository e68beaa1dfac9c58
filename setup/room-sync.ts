/**
 * Following the presenter across devices, when the deck is served by
 * briefdeck's room server (`npm start -- --lan`, scripts/present/room-server.ts).
 * That server marks each page's role in its HTML; a deck served any other way
 * has no mark and this does nothing.
 *
 * Every page follows the position the server relays (server-sent events);
 * presenter pages also post theirs. The server decides who may post (the
 * secret in the presenter's address): this code only asks.
 */
import type { Router } from 'vue-router'
import { readRole, type RoomRole } from './room-role.ts'

interface Position {
  page: number
  clicks: number
  source: string
}

/** Slide and click of a route: `/3?clicks=2` or `/presenter/3?clicks=2`. */
function placeOf(route: Router['currentRoute']['value']): { page: number; clicks: number } | undefined {
  const match = /^\/(?:presenter\/)?(\d+)$/.exec(route.path)
  if (!match) return undefined
  const clicks = Number(route.query['clicks'] ?? 0)
  return { page: Number(match[1]), clicks: Number.isInteger(clicks) && clicks >= 0 ? clicks : 0 }
}

/** How soon a refused event stream is asked for again; doubled at each refusal, up to the last. */
const FIRST_RETRY_MS = 1_000
const LAST_RETRY_MS = 10_000

export function initRoomSync(router: Router): void {
  const role = readRole()
  // After the first route is resolved: before it, a presenter page would look like the audience's.
  if (role) void router.isReady().then(() => follow(router, role))
}

function follow(router: Router, role: RoomRole): void {
  const me = Math.random().toString(36).slice(2, 12)
  // An audience page has no presenter view (setup/routes.ts): whatever address it was opened at, it goes to the room's slide.
  const isPresenterView = () => role.position !== undefined && router.currentRoute.value.path.startsWith('/presenter')
  // A page joining mid-talk first goes where the room is; only then may a presenter page post,
  // so that a phone opened as a remote does not pull the room back to its first slide.
  let joined = false

  let room: Position | undefined
  const goTo = (position: Position) =>
    router.replace({
      path: `${isPresenterView() ? '/presenter' : ''}/${position.page}`,
      query: { ...router.currentRoute.value.query, clicks: position.clicks > 0 ? String(position.clicks) : undefined },
    })

  const listen = (retryMs: number): void => {
    const source = new EventSource(role.events)
    source.addEventListener('message', (event: MessageEvent<string>) => {
      retryMs = FIRST_RETRY_MS
      const position = JSON.parse(event.data) as Position
      room = position
      joined = true
      if (position.source === me) return
      const here = placeOf(router.currentRoute.value)
      if (here && here.page === position.page && here.clicks === position.clicks) return
      void goTo(position)
    })
    // After a network error EventSource reconnects by itself; after a refusal (an error status: the
    // room full, the server restarting) it gives up for good. A page that never joined would never
    // post: start again, less and less often.
    source.addEventListener('error', () => {
      if (source.readyState !== EventSource.CLOSED) return
      setTimeout(() => listen(Math.min(retryMs * 2, LAST_RETRY_MS)), retryMs)
    })
  }
  listen(FIRST_RETRY_MS)

  const post = role.position
  if (!post) {
    // An address Slidev does not know (among them the presenter view's, which the audience build
    // does not have: setup/routes.ts) leads back to the room's slide.
    router.afterEach((to) => {
      if (to.name === 'NotFound' && room) void goTo(room)
    })
    return
  }
  // One request at a time, and then the latest place: two sent at once can reach the room in the
  // other order, and it keeps the one that came last (the room on an earlier click). One the network
  // loses holds the next back 10 s at most.
  let latest: string | undefined
  let sending = false
  const send = async (): Promise<void> => {
    sending = true
    for (let body = latest; body !== undefined; body = latest) {
      latest = undefined
      const options = { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, signal: AbortSignal.timeout(10_000) }
      await fetch(post, options).catch(() => {})
    }
    sending = false
  }
  router.afterEach((to) => {
    const place = placeOf(to)
    if (!joined || !place || !to.path.startsWith('/presenter')) return
    latest = JSON.stringify({ ...place, source: me })
    if (!sending) void send()
  })
}
