/**
 * briefdeck's Vite plugin, loaded into every deck's Slidev through
 * setup/vite-plugins.ts (the project root is the decks' addon). It puts
 * `judgeRequest` in front of every middleware of the dev server (read-only
 * presenting) and `judgeUpgrade` in front of its websockets, takes Vite's
 * editor launcher out of the server, and applies `editClientSource` to
 * Slidev's client.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { Readable } from 'node:stream'
import type { Duplex } from 'node:stream'
import type { Plugin } from 'vite'
import { guardMessages } from '../messages.ts'
import { editClientSource } from './client-edits.ts'
import { judgeRequest, judgeSyncBody, judgeUpgrade, MAX_SYNC_BODY, PAGE_HEADERS, SYNC_PATH, type Verdict } from './read-only-rule.ts'

const EDITOR_ROUTE = /^\/__open-in-editor/i

function refuse(res: ServerResponse, verdict: Exclude<Verdict, { allowed: true }>): void {
  // No answer at all: to the page that sent it, as if nothing listened on the port.
  if (verdict.silent) return void res.socket?.destroy()
  res.statusCode = verdict.status
  res.setHeader('Content-Type', 'text/plain; charset=utf-8')
  res.end(`${verdict.reason}\n`)
}

/** The whole body, or undefined once it grows past `limit`. */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > limit) return undefined
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

/**
 * Hands a body already read from `req` to the middleware after the guard
 * (vite-plugin-vue-server-ref reads it with `req.on('data' | 'end' | 'error')`).
 */
function replayBody(req: IncomingMessage, body: Buffer): void {
  const copy = Readable.from([body])
  const events = new Set(['data', 'end', 'error', 'readable'])
  const target = req as unknown as Record<string, unknown>
  for (const name of ['on', 'once', 'addListener'] as const) {
    const own = req[name].bind(req)
    target[name] = (event: string, listener: (...args: unknown[]) => void) => {
      if (events.has(event)) copy[name](event, listener)
      else own(event, listener)
      return req
    }
  }
  target['read'] = copy.read.bind(copy)
  target[Symbol.asyncIterator as unknown as string] = copy[Symbol.asyncIterator].bind(copy)
}

export function briefdeckPlugin(): Plugin {
  return {
    name: 'briefdeck:presenting',
    enforce: 'pre',
    configureServer(server) {
      const guard = (req: IncomingMessage, res: ServerResponse, next: () => void) => {
        for (const [name, value] of Object.entries(PAGE_HEADERS)) res.setHeader(name, value)
        const verdict = judgeRequest({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers })
        if (!verdict.allowed) return refuse(res, verdict)
        if (req.method?.toUpperCase() !== 'POST' || req.url !== SYNC_PATH) return next()
        readBody(req, MAX_SYNC_BODY).then(
          (body) => {
            if (!body) return refuse(res, { allowed: false, status: 413, reason: guardMessages.tooLarge() })
            const bodyVerdict = judgeSyncBody(body.toString('utf8'))
            if (!bodyVerdict.allowed) return refuse(res, bodyVerdict)
            replayBody(req, body)
            next()
          },
          () => res.destroy(),
        )
      }
      // First in the stack, ahead of Slidev's and Vite's own middleware, whatever their order.
      server.middlewares.stack.unshift({ route: '', handle: guard })

      // Websockets never pass the middleware: judge them where the HTTP server hands them out,
      // ahead of every listener (Vite's hot reload, and its `vite-ping` that any page could use
      // to find the port).
      const http = server.httpServer
      if (http) {
        const emit = http.emit.bind(http) as (event: string | symbol, ...args: unknown[]) => boolean
        http.emit = ((event: string | symbol, ...args: unknown[]) => {
          if (event === 'upgrade') {
            const [req, socket] = args as [IncomingMessage, Duplex]
            if (!judgeUpgrade({ method: 'GET', url: req.url ?? '/', headers: req.headers }).allowed) {
              socket.destroy()
              return true
            }
          }
          return emit(event, ...args)
        }) as typeof http.emit
      }

      // After Vite's own middleware is in place: its editor launcher goes (the guard refuses it too).
      return () => {
        const stack = server.middlewares.stack
        for (let i = stack.length - 1; i >= 0; i--) if (EDITOR_ROUTE.test(stack[i]?.route ?? '')) stack.splice(i, 1)
      }
    },
    transform: {
      // Before Slidev's flag plugin replaces `__DEV__` and `__SLIDEV_FEATURE_EDITOR__` in its pages.
      order: 'pre',
      handler(code, id) {
        const edited = editClientSource(code, id)
        return edited === null ? null : { code: edited, map: null }
      },
    },
  }
}
