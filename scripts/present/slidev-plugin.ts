/**
 * briefdeck's Vite plugin, loaded into every deck's Slidev through
 * setup/vite-plugins.ts (the project root is the decks' addon). It puts
 * `judgeRequest` in front of every middleware of the dev server (read-only
 * presenting), and applies `editClientSource` to Slidev's client.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Plugin } from 'vite'
import { editClientSource } from './client-edits.ts'
import { judgeRequest } from './read-only-rule.ts'

export function briefdeckPlugin(): Plugin {
  return {
    name: 'briefdeck:presenting',
    enforce: 'pre',
    configureServer(server) {
      const guard = (req: IncomingMessage, res: ServerResponse, next: () => void) => {
        const verdict = judgeRequest({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers })
        if (verdict.allowed) return next()
        res.statusCode = verdict.status
        res.setHeader('Content-Type', 'text/plain; charset=utf-8')
        res.end(`${verdict.reason}\n`)
      }
      // First in the stack, ahead of Slidev's and Vite's own middleware, whatever their order.
      server.middlewares.stack.unshift({ route: '', handle: guard })
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
