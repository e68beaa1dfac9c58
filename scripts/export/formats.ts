/** What `npm run export` can write for each deck, in the order it writes them. */
export const FORMATS = ['pdf', 'handout', 'pptx', 'html'] as const
export type Format = (typeof FORMATS)[number]

/**
 * The file each format writes for deck `deck` of briefing `briefing`
 * (`water-bilingual.pdf`): the briefing's name travels with the file, so two
 * briefings' files mailed or downloaded together never collide.
 */
export function exportFileName(briefing: string, deck: string, format: Format): string {
  if (format === 'handout') return `${briefing}-${deck}-handout.pdf`
  return `${briefing}-${deck}.${format}`
}
