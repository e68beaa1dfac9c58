import { defineVitePluginsSetup } from '@slidev/types'
import { woff2Only } from '../scripts/builds/woff2-only.ts'
import { deckDepsCache } from '../scripts/present/deck-deps-cache.ts'
import { briefdeckPlugin } from '../scripts/present/slidev-plugin.ts'

// Every deck: a read-only dev server, no editors, readable presenter notes, fonts as WOFF2
// only, and Vite's dependency cache of its own (decks served at once must not rewrite each other's).
export default defineVitePluginsSetup((options) => [briefdeckPlugin(), woff2Only(), deckDepsCache(options.entry)])
