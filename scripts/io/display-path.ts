import path from 'node:path'

/**
 * The folder the user typed the command in. npm runs a package's scripts from
 * the package root, and keeps the user's folder in INIT_CWD: a path typed in
 * a subfolder (`npm run build -- --brief ../x.txt`) means that folder's path.
 */
export function userFolder(): string {
  return process.env.INIT_CWD || process.cwd()
}

/** A path the user typed, resolved as they meant it. */
export function resolveUserPath(typed: string): string {
  return path.resolve(userFolder(), typed)
}

/** Paths in messages: relative to where the user is, as they would type them. */
export function displayPath(target: string): string {
  const absolute = path.resolve(target)
  const relative = path.relative(userFolder(), absolute)
  return relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative
}
