/**
 * Following the presenter across devices, when the deck is served by
 * briefdeck's room server (`npm start -- --lan`, scripts/present/room-server.ts).
 * That server marks each page's role in its HTML; a deck served any other way
 * has no mark and this does nothing.
 *
 * Every page follows the position the server relays (server-sent events),
 * and the languages the bilingual deck shows (the presenter's `L`: both, 中文
 * or English); presenter pages also post theirs. The server decides who may
 * post (the secret in the presenter's address): this code only asks.
 */
import type { Router } from 'vue-router'
import { readRole, type RoomRole } from './room-role.ts'
import { currentShowMode, setShowMode, SHOW_MODE_EVENT, SHOW_MODES, type ShowMode } from './show-mode.ts'

interface Position {
  page: number
  clicks: number
  source: string
  /** The languages shown, once the presenter chose them, and the page that did. */
  show?: string
  shownBy?: string
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
      const first = !joined
      joined = true
      followShown(position, first)
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
  /** The languages the room shows, as this page last knew them (its own choice included). */
  let roomShown: ShowMode | undefined
  const postShown = latestOnly(role.show)
  const followShown = (position: Position, first: boolean) => {
    const show = (SHOW_MODES as readonly string[]).includes(position.show ?? '') ? (position.show as ShowMode) : undefined
    if (show === undefined) {
      // A room where no presenter chose yet: a presenter page joining with a choice of its own (a reload) gives it.
      if (first && postShown && currentShowMode() !== 'both') {
        roomShown = currentShowMode()
        postShown(JSON.stringify({ show: roomShown, source: me }))
      }
      return
    }
    // This page's own choice coming back: it may have chosen again since.
    if (position.shownBy === me) return
    roomShown = show
    if (currentShowMode() !== show) setShowMode(show)
  }
  if (postShown) {
    window.addEventListener(SHOW_MODE_EVENT, (event) => {
      const mode = (event as CustomEvent<ShowMode>).detail
      // The room's own choice, applied here, is not sent back; nor anything before this page joined.
      if (!joined || mode === (roomShown ?? 'both')) return
      roomShown = mode
      postShown(JSON.stringify({ show: mode, source: me }))
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
  const send = latestOnly(post)!
  router.afterEach((to) => {
    const place = placeOf(to)
    if (!joined || !place || !to.path.startsWith('/presenter')) return
    send(JSON.stringify({ ...place, source: me }))
  })
}

/**
 * Posts to `url` one request at a time, and then the latest body: two sent at once can reach the
 * room in the other order, and it keeps the one that came last (the room on an earlier click). One
 * the network loses holds the next back 10 s at most. No url (an audience page): undefined.
 */
function latestOnly(url: string | undefined): ((body: string) => void) | undefined {
  if (!url) return undefined
  let latest: string | undefined
  let sending = false
  const send = async (): Promise<void> => {
    sending = true
    for (let body = latest; body !== undefined; body = latest) {
      latest = undefined
      const options = { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, signal: AbortSignal.timeout(10_000) }
      await fetch(url, options).catch(() => {})
    }
    sending = false
  }
  return (body) => {
    latest = body
    if (!sending) void send()
  }
}
