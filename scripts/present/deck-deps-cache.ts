import path from 'node:path'
import type { Plugin } from 'vite'

/**
 * Gives each deck its own Vite dependency cache, beside the deck
 * (`node_modules/.vite/DECK/`, ignored by git), in place of the one folder
 * inside Slidev's package that every deck shares. Two Slidev servers of
 * different decks at once (two briefings on two ports; tests two files at a
 * time) each rewrote that shared folder for their own configuration, and the
 * other's open pages then failed to load modules ("504 Outdated Optimize Dep").
 * `enforce: 'post'` so that this value comes after Slidev's own.
 */
export function deckDepsCache(entry: string): Plugin {
  const cacheDir = depsCacheOf(entry)
  return { name: 'briefdeck:deck-deps-cache', enforce: 'post', config: () => ({ cacheDir }) }
}

/** The deck's own Vite dependency cache: `DIR/node_modules/.vite/DECK/` for `DIR/DECK.md`. */
export function depsCacheOf(entry: string): string {
  return path.join(path.dirname(entry), 'node_modules', '.vite', path.basename(entry, path.extname(entry)))
}
