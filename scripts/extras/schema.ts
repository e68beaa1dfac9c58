import { z } from 'zod'
import { MAX_SLOT_MINUTES } from '../timing/clock.ts'

/** A headline or title written by the author; blank ones would hide the brief's text. */
const Line = z.string().trim().min(1, 'must not be empty')

/** The brief's text, in each language, that an authored line was written for: data, so a change is seen. */
const Source = z.strictObject({ 'zh-Hant': z.string().optional(), en: z.string().optional() })

/**
 * The same line in each language (a missing language is derived from the
 * brief), and the brief text it was written for.
 */
const ByLanguage = z.strictObject({ 'zh-Hant': Line.optional(), en: Line.optional(), source: Source.optional() })

/**
 * What an author adds beside a brief for the slides: never the brief's words,
 * only a deck title and subtitle and short headlines, each with the brief
 * text it was written for (`source`). Points are matched to the brief's
 * bullets by that source, wherever they stand; any of them may be left out.
 */
export const ExtrasSchema = z.strictObject({
  /** The briefing's slot in minutes; `npm start -- --minutes N` wins over it. */
  minutes: z
    .number({ error: 'must be a number of minutes, like 10 or 7.5' })
    .positive({ error: 'must be more than 0 minutes' })
    .max(MAX_SLOT_MINUTES, { error: `must be at most ${MAX_SLOT_MINUTES} minutes` })
    .optional(),
  /** The brief's date, shown in the site's index (a file's time changes with every copy; this does not). */
  date: z
    .string({ error: 'must be a date as YYYY-MM-DD, like 2026-11-20' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date as YYYY-MM-DD, like 2026-11-20', abort: true })
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), {
      error: 'must be a day that exists, as YYYY-MM-DD',
    })
    .optional(),
  title: ByLanguage.optional(),
  subtitle: ByLanguage.optional(),
  /** Headline of the bottom-line slide, which carries the lede in its notes. */
  lede: ByLanguage.optional(),
  sections: z
    .array(
      z.strictObject({
        /** Headlines of the section's bullets, in the brief's order; each found by its source. */
        points: z.array(ByLanguage).optional(),
      }),
    )
    .optional(),
})

export type Extras = z.infer<typeof ExtrasSchema>
export type LanguageLines = z.infer<typeof ByLanguage>
export type SourceLines = z.infer<typeof Source>
