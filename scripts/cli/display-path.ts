import path from 'node:path'

/** Paths in messages: relative to where the user is, as they would type them. */
export function displayPath(target: string): string {
  const relative = path.relative(process.cwd(), path.resolve(target))
  return relative.startsWith('..') ? path.resolve(target) : relative
}
