/** What `npm run export` writes for each deck by default, in the order it writes them. */
export const FORMATS = ['pdf', 'handout', 'pptx', 'html'] as const
/** What it writes only when asked (`--format script`): the speaker's script. */
export const ASKED_FORMATS = ['script'] as const
export const ALL_FORMATS = [...FORMATS, ...ASKED_FORMATS] as const
export type Format = (typeof ALL_FORMATS)[number]

/**
 * The file each format writes for deck `deck` of briefing `briefing`
 * (`water-bilingual.pdf`): the briefing's name travels with the file, so two
 * briefings' files mailed or downloaded together never collide.
 */
export function exportFileName(briefing: string, deck: string, format: Format): string {
  if (format === 'handout' || format === 'script') return `${briefing}-${deck}-${format}.pdf`
  return `${briefing}-${deck}.${format}`
}
