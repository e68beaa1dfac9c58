import { existsSync } from 'node:fs'
import path from 'node:path'

/** The project root: where package.json, content/ and slides/ live. */
export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..')

export const DEFAULT_BRIEF = path.join(PROJECT_ROOT, 'content', 'regime-security.txt')
export const DEFAULT_DECKS = path.join(PROJECT_ROOT, 'slides')
/** Decks built for one presentation (`npm start -- --notes …`); ignored by git. */
export const PRESENT_DECKS = path.join(PROJECT_ROOT, '.tmp', 'present')

/** The authored extras that go with a brief: `name.deck.yaml` beside `name.txt`. */
export function extrasPathFor(briefPath: string): string {
  const { dir, name } = path.parse(briefPath)
  return path.join(dir, `${name}.deck.yaml`)
}

export function existingExtras(briefPath: string): string | undefined {
  const extras = extrasPathFor(briefPath)
  return existsSync(extras) ? extras : undefined
}

/** True when `target` is the project root or inside it. */
export function isInsideProject(target: string): boolean {
  const relative = path.relative(PROJECT_ROOT, path.resolve(target))
  return !relative.startsWith('..') && !path.isAbsolute(relative)
}

/** A path as the decks and messages name it: relative to the project, with forward slashes. */
export function projectRelative(target: string): string {
  return path.relative(PROJECT_ROOT, path.resolve(target)).split(path.sep).join('/')
}

/** Slidev's addon path from a deck folder back to the project root (`@/..` for `slides/`). */
export function addonPathFor(deckDir: string): string {
  const up = path.relative(path.resolve(deckDir), PROJECT_ROOT).split(path.sep).join('/')
  return `@/${up || '.'}`
}
