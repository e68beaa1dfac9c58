import { existsSync } from 'node:fs'
import path from 'node:path'

/** The project root: where package.json, content/ and slides/ live. */
export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..')

/** The desk's briefs: `NAME.txt`, each with its optional `NAME.deck.yaml`. */
export const CONTENT_DIR = path.join(PROJECT_ROOT, 'content')
/** Generated decks: `slides/NAME/` for each brief `content/NAME.txt`. */
export const SLIDES_DIR = path.join(PROJECT_ROOT, 'slides')
/** The brief that ships with the project, and its decks. */
export const DEFAULT_BRIEF = path.join(CONTENT_DIR, 'regime-security.txt')
export const DEFAULT_DECKS = path.join(SLIDES_DIR, 'regime-security')
/** Decks built for one presentation (`npm start -- --notes …`), a folder per port; ignored by git. */
export const PRESENT_DECKS = path.join(PROJECT_ROOT, '.tmp', 'present')
/** Decks of briefs outside content/ (`--brief FILE`), a folder per brief file; ignored by git. */
export const OTHER_BRIEF_DECKS = path.join(PROJECT_ROOT, '.tmp', 'briefs')

/** Where a desk's briefs are and where their decks go: the project's own, or a test's. */
export interface Desk {
  content: string
  slides: string
}
export const DESK: Desk = { content: CONTENT_DIR, slides: SLIDES_DIR }

/** The decks of the brief `content/NAME.txt`. */
export function decksDirFor(name: string, desk: Desk = DESK): string {
  return path.join(desk.slides, name)
}

/** The decks of one `npm start`: one folder per port, so two presentations never share one. */
export function presentDecksFor(port: number): string {
  return path.join(PRESENT_DECKS, String(port))
}

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
