import { parse } from '@slidev/parser'
import type { ExportDeck, LangText } from '../export/deck.ts'

/** What the index says of a briefing besides its decks. */
export interface BriefingFacts {
  /** The title in each language the decks carry, Chinese first. */
  titles: LangText[]
  /** `date:` of the brief's extras (YYYY-MM-DD), if given. */
  date: string | undefined
  slides: number
  /**
   * For each deck, in order, the time its plan gives the whole briefing, in
   * seconds (the slot, else the time its notes take to say: the languages
   * differ).
   */
  seconds: (number | undefined)[]
}

const LANG_ORDER = ['zh-Hant', 'en']

/** Reads the facts from a briefing's decks (read with `readDeck`) and their markdown. */
export async function briefingFacts(decks: { deck: ExportDeck; markdown: string }[]): Promise<BriefingFacts> {
  const titles = new Map<string, LangText>()
  for (const part of decks.flatMap(({ deck }) => deck.title)) if (part.lang && !titles.has(part.lang)) titles.set(part.lang, part)
  const parsed = await Promise.all(decks.map(({ deck, markdown }) => parse(markdown, deck.file)))
  const meta = parsed[0]?.slides[0]?.frontmatter?.briefdeck as { date?: unknown } | undefined
  return {
    titles: [...titles.values()].sort((a, b) => LANG_ORDER.indexOf(a.lang ?? '') - LANG_ORDER.indexOf(b.lang ?? '')),
    date: typeof meta?.date === 'string' ? meta.date : undefined,
    slides: decks[0]?.deck.slides.length ?? 0,
    seconds: parsed.map(planEnd),
  }
}

/** Where a deck's plan ends: each slide's plan is its start and the seconds of each step. */
function planEnd(parsed: Awaited<ReturnType<typeof parse>>): number | undefined {
  const ends = parsed.slides.map((slide) => {
    const pacing = slide.frontmatter?.pacing as { start?: unknown; steps?: unknown } | undefined
    if (typeof pacing?.start !== 'number' || !Array.isArray(pacing.steps)) return undefined
    return pacing.start + pacing.steps.reduce((sum: number, step: unknown) => sum + (typeof step === 'number' ? step : 0), 0)
  })
  const known = ends.filter((end): end is number => end !== undefined)
  return known.length > 0 ? Math.max(...known) : undefined
}
