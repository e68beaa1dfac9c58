/**
 * The presenter and the audience window of a deck opened as one file
 * (`npm run export -- --format html`, scripts/export/one-file.ts), with no
 * server. A page opened from `file://` has an opaque origin: Slidev's own
 * channel between windows (a BroadcastChannel, and localStorage for the
 * languages) either does not reach the other window or reaches every
 * `file://` page of the browser alike, so any other file could move the
 * slides. Here the two windows talk with `postMessage` only, and each takes
 * a message only when it comes from the window it opened or the window that
 * opened it (`event.source`, which no other page can forge).
 */
import { addSyncMethod, disableBuiltinSync, sharedState } from '@slidev/client'
import { toRaw } from 'vue'

/** Set by the packer in the file's head: `presenter` (with notes) or `public`. */
export function oneFileKind(): 'presenter' | 'public' | undefined {
  const content = document.querySelector('meta[name="briefdeck-file"]')?.getAttribute('content')
  return content === 'presenter' || content === 'public' ? content : undefined
}

interface SyncMessage {
  briefdeck: 'file-sync'
  /** A Slidev state (`… - shared`, `… - drawings`) and its content; or `hello` from a window just opened. */
  channel: string
  state?: unknown
}

/** The windows this one may talk to: the one that opened it, and those it opened. */
const peers = new Set<Window>()
const channels = new Map<string, { onUpdate: (data: Partial<object>) => void; state: object }>()
const listeners = new Map<string, (state: unknown) => void>()

function send(peer: Window, channel: string, state: unknown): void {
  // A JSON copy: Vue's reactive proxies cannot be cloned into another window.
  peer.postMessage({ briefdeck: 'file-sync', channel, state: JSON.parse(JSON.stringify(state ?? null)) } satisfies SyncMessage, '*')
}

function sendAll(channel: string, state: unknown): void {
  for (const peer of peers) {
    if (peer.closed) peers.delete(peer)
    else send(peer, channel, state)
  }
}

function isSyncMessage(data: unknown): data is SyncMessage {
  return typeof data === 'object' && data !== null && (data as SyncMessage).briefdeck === 'file-sync' && typeof (data as SyncMessage).channel === 'string'
}

const currentOf = new Map<string, () => unknown>()
/** States that came before their channel was set up (the first answer to `hello` may). */
const early = new Map<string, unknown>()
let greeted = false

/** Tells a window the state of every channel (a window just opened starts where this one is). */
function greet(peer: Window): void {
  for (const [channel, { state }] of channels) send(peer, channel, toRaw(state))
  for (const [channel, current] of currentOf) send(peer, channel, current())
}

/**
 * A channel of this project's own (the languages shown): `set` is applied
 * when the other window sends, `current` is sent to a window just opened.
 */
export function fileChannel(channel: string, current: () => unknown, set: (state: unknown) => void): (state: unknown) => void {
  listeners.set(channel, set)
  currentOf.set(channel, current)
  return (state) => sendAll(channel, state)
}

/** Replaces Slidev's channels between windows by the pair's own; does nothing in a page not opened from the file. */
export function initFileSync(): void {
  if (!oneFileKind()) return
  if (window.opener) peers.add(window.opener as Window)
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const source = event.source as Window | null
    if (!source || !peers.has(source) || !isSyncMessage(event.data)) return
    // The presenter follows no one: a page that opened it (a link, another file) must not move it.
    if (source === window.opener && location.hash.startsWith('#/presenter')) return
    const { channel, state } = event.data
    if (channel === 'hello') return greet(source)
    const slidev = channels.get(channel)
    if (slidev) slidev.onUpdate(state as Partial<object>)
    else if (!listeners.has(channel)) early.set(channel, state)
    listeners.get(channel)?.(state)
  })
  addSyncMethod({
    init(channelKey, onUpdate, state) {
      // Slidev's own channel for this state was opened just before (it comes first in its list): closed here.
      disableBuiltinSync()
      channels.set(channelKey, { onUpdate: onUpdate as (data: Partial<object>) => void, state })
      // After Slidev has begun watching the state (it does once this returns): the change then moves the page.
      if (early.has(channelKey)) queueMicrotask(() => onUpdate(early.get(channelKey) as Partial<typeof state>))
      // A window opened by the presenter asks where the talk is, once it can take the answer.
      if (!greeted && window.opener) {
        greeted = true
        send(window.opener as Window, 'hello', null)
      }
      return (next, updating = false) => {
        if (!updating) sendAll(channelKey, toRaw(next))
      }
    },
  })
}

/**
 * Opens the audience window (for the projector) from the presenter's, or
 * brings it back to the front. Its address is the file's, on the slide shown.
 */
export function openAudienceWindow(): Window | undefined {
  const { page, clicks } = sharedState
  const url = new URL(location.href)
  url.hash = `#/${page}${clicks > 0 ? `?clicks=${clicks}` : ''}`
  const opened = window.open(url.href, 'briefdeck-audience', 'popup')
  if (!opened) return undefined
  peers.add(opened)
  opened.focus()
  return opened
}
