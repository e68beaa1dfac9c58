/** What `npm run export` can write for each deck, in the order it writes them. */
export const FORMATS = ['pdf', 'handout', 'pptx', 'html'] as const
export type Format = (typeof FORMATS)[number]

/** The file each format writes for deck `name`. */
export function exportFileName(name: string, format: Format): string {
  if (format === 'handout') return `${name}-handout.pdf`
  return `${name}.${format}`
}
