/**
 * The slides' colour scheme: light (dark text on white, the default) or dark
 * (light text on a dark ground, for a dark room), the same contrast rules for
 * both. The build writes it into the deck's headmatter (`briefdeck: scheme`),
 * setup/scheme.ts marks the page with it and setup/scheme.css colours the slides;
 * the PPTX reads it from the deck (scripts/export/pptx.ts).
 */
export const SCHEMES = ['light', 'dark'] as const
export type Scheme = (typeof SCHEMES)[number]

export function isScheme(value: unknown): value is Scheme {
  return typeof value === 'string' && (SCHEMES as readonly string[]).includes(value)
}
