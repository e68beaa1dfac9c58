/**
 * The option a mistyped one most likely meant (`--minute` → `--minutes`):
 * a name within two edits, or one that starts with what was typed. Nothing
 * when no name is close, so a wild guess never misleads.
 */
export function suggestOption(typed: string, names: readonly string[]): string | undefined {
  const word = typed.replace(/^-+/, '').split('=')[0]!.toLowerCase()
  if (word.length < 2) return undefined
  let best: { name: string; distance: number } | undefined
  for (const name of names) {
    const distance = word.length >= 3 && name.startsWith(word) ? 1 : editDistance(word, name)
    if (distance <= Math.min(2, Math.floor(name.length / 3)) && (!best || distance < best.distance)) best = { name, distance }
  }
  return best && `--${best.name}`
}

/** Levenshtein distance, transpositions counted as one edit (`--mintues`). */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1)
    }
  return d[a.length]![b.length]!
}
