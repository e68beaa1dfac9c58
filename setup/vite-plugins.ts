import { defineVitePluginsSetup } from '@slidev/types'
import { deckDepsCache } from '../scripts/present/deck-deps-cache.ts'
import { briefdeckPlugin } from '../scripts/present/slidev-plugin.ts'

// Every deck: a read-only dev server, no editors, readable presenter notes, and Vite's
// dependency cache of its own (decks served at once must not rewrite each other's).
export default defineVitePluginsSetup((options) => [briefdeckPlugin(), deckDepsCache(options.entry)])
