import type { Scheme } from './deck/scheme.ts'
import { decodeBrief } from './brief/decode.ts'
import { parseBrief } from './brief/parse.ts'
import { normalizeBriefPunctuation, normalizeChinesePunctuation } from './brief/punctuation.ts'
import { LANGS, type Bilingual, type Lang, type Position } from './brief/model.ts'
import { alignBrief, validateBrief } from './brief/validate.ts'
import { buildDeckContent, type DeckContent } from './deck/content.ts'
import { checkFit, layoutDeck, type DeckLayout } from './deck/fit.ts'
import { renderDeck } from './deck/render.ts'
import { VARIANTS, noteLangsOf, type Variant } from './deck/variant.ts'
import { hasErrors, sortDiagnostics, type Diagnostic } from './diagnostic.ts'
import { cliMessages, messages } from './messages.ts'
import { parseExtras, type ParsedExtras } from './extras/parse.ts'
import { draftExtras } from './extras/draft.ts'
import { tieExtras, type ExtrasPath, type Tied } from './extras/tie.ts'
import { unstatedFigures, type SlideItem } from './deck/check-figures.ts'
import type { BudgetPlan } from './timing/budget.ts'
import { checkSlot, type OverSlot } from './timing/over-slot.ts'
import { planDeck } from './timing/plan.ts'

export interface BuildInput {
  /** The brief's path as the user gave it, for diagnostics. */
  briefFile: string
  briefBytes: Uint8Array
  /** The authored extras beside the brief, if there are any. */
  extras?: { file: string; text: string }
  /** The brief's path as the decks name it (relative to the project). */
  source: string
  /** See `RenderOptions.addonPath`. */
  addonPath: string
  /** Show half-width punctuation inside Chinese text in full-width form (the brief file is not changed). */
  normalizePunctuation: boolean
  /** See `RenderOptions.notes`. */
  notes?: Lang | undefined
  /** See `RenderOptions.sourceReference`; on unless turned off. */
  sourceReference?: boolean
  /** The slot in minutes (`--minutes`); wins over the extras' `minutes:`. Without either, the notes' speaking time. */
  minutes?: number | undefined
  /** See `RenderOptions.scheme`. */
  scheme?: Scheme | undefined
  /**
   * `--write-extras`: instead of refusing stale or unsourced authored lines,
   * build without the stale ones and give the extras file redrafted
   * (`extrasDraft`): every line whose brief text is unchanged kept as written.
   */
  redraftExtras?: boolean
}

export type BuildResult =
  | {
      ok: true
      content: DeckContent
      /** Where long sections continue, and each deck's type scale (scripts/deck/fit.ts). */
      layout: DeckLayout
      decks: Record<Variant, string>
      /** Where punctuation was changed to full width, in the brief. */
      normalized: Position[]
      /** Slides whose text is estimated to need type below the readable size. */
      warnings: Diagnostic[]
      /** Each deck's budgets for the slot. */
      plans: Record<Variant, BudgetPlan>
      /** Decks whose notes need clearly more than the slot, if any. */
      overSlot: OverSlot | undefined
      /** Derived headlines that are not their whole bullet. */
      shortened: number
      /** With `redraftExtras`: the extras file as it should now be, and what changed in it, a line each. */
      extrasDraft?: { text: string; changes: string[] }
    }
  | { ok: false; diagnostics: Diagnostic[] }

/** The whole pipeline, with no IO: bytes in, three decks or every problem out. */
export function buildDecks(input: BuildInput): BuildResult {
  const decoded = decodeBrief(input.briefBytes)
  if (!decoded.ok) {
    const message = messages.notUtf8(decoded.byte)
    return { ok: false, diagnostics: [{ file: input.briefFile, position: decoded.position, severity: 'error', ...message }] }
  }
  const brief = parseBrief(decoded.text, input.briefFile)
  const extras = input.extras ? parseExtras(input.extras.text, input.extras.file) : undefined
  const diagnostics = [...validateBrief(brief), ...(extras?.diagnostics ?? [])]
  if (hasErrors(diagnostics)) return { ok: false, diagnostics: sortDiagnostics(diagnostics) }

  // The brief as typed: authored lines record, and are tied to, the text the author sees in the file.
  const typed = alignBrief(brief)
  const { brief: aligned, changes } = input.normalizePunctuation ? normalizeBriefPunctuation(typed) : { brief: typed, changes: [] }
  const asShown = (texts: Bilingual<string>): Bilingual<string> =>
    input.normalizePunctuation ? { ...texts, 'zh-Hant': normalizeChinesePunctuation(texts['zh-Hant']).text } : texts
  const tied = extras ? tieExtras(extras.extras, typed, input.source, asShown) : undefined
  if (extras && tied && input.extras && !input.redraftExtras) {
    const untiedOrStale = extrasDiagnostics(tied, extras, input.extras.file, input.briefFile)
    if (untiedOrStale.length > 0) return { ok: false, diagnostics: sortDiagnostics(untiedOrStale) }
  }
  const content = buildDeckContent(aligned, tied?.extras ?? {}, input.source)
  const unstated = unstatedFigures(content, aligned).map((problem) => {
    const authored = tied && extrasPathOf(tied, problem.item)
    const place = `${input.briefFile}:${problem.source.position.line}`
    const message = messages.figureNotInBrief(itemName(problem.item), problem.line, problem.figure, place)
    // A derived line only ever has the brief's own figures: one that does not is a bug, shown at the brief's line.
    return authored && extras && input.extras
      ? { file: input.extras.file, position: extras.positionOf([...authored, problem.lang]), severity: 'error' as const, ...message }
      : { file: input.briefFile, position: problem.source.position, severity: 'error' as const, ...message }
  })
  if (unstated.length > 0) return { ok: false, diagnostics: sortDiagnostics(unstated) }
  const minutes = input.minutes ?? extras?.extras.minutes
  const slot = minutes === undefined ? undefined : minutes * 60
  const layout = layoutDeck(content)
  const plans = Object.fromEntries(
    VARIANTS.map((variant) => [variant, planDeck(content, noteLangsOf(variant, input.notes), layout, slot)]),
  ) as Record<Variant, BudgetPlan>
  const decks = Object.fromEntries(
    VARIANTS.map((variant) => [
      variant,
      renderDeck(content, variant, {
        addonPath: input.addonPath,
        notes: input.notes,
        sourceReference: input.sourceReference ?? true,
        plan: plans[variant],
        layout,
        fixedSlot: slot !== undefined,
        scheme: input.scheme,
      }),
    ]),
  ) as Record<Variant, string>
  const warnings = VARIANTS.flatMap((variant) => checkFit(content, variant, layout))
  const authoredPoint = (i: number, j: number, lang: Lang) => tied?.extras.sections?.[i]?.points?.[j]?.[lang] !== undefined
  const shortened = content.sections
    .flatMap((section, i) => section.points.flatMap((point, j) => LANGS.map((lang) => !authoredPoint(i, j, lang) && point.headline[lang] !== point.detail[lang].text)))
    .filter(Boolean).length
  return {
    ok: true,
    content,
    layout,
    decks,
    normalized: changes,
    warnings,
    plans,
    overSlot: checkSlot(plans),
    shortened,
    ...(input.redraftExtras
      ? { extrasDraft: { text: draftExtras(content, extras?.extras ?? {}, typed), changes: extras && tied && input.extras ? redraftChanges(tied, extras, input.extras.file) : [] } }
      : {}),
  }
}

/** Each stale or unsourced authored line, at its line of the extras file. */
function extrasDiagnostics(tied: Tied, extras: ParsedExtras, file: string, briefFile: string): Diagnostic[] {
  const at = (path: ExtrasPath, lang: Lang) => ({ file, position: extras.positionOf([...path, lang]), severity: 'error' as const })
  return [
    ...tied.stale.map((line) => ({
      ...at(line.path, line.lang),
      ...(line.now
        ? messages.extrasStale(itemName(line.path), line.line, line.was, `${briefFile}:${line.now.position.line}`, line.now.text, briefFile)
        : messages.extrasOrphan(itemName(line.path), line.line, line.was, briefFile)),
    })),
    ...tied.untied.map((line) => ({ ...at(line.path, line.lang), ...messages.extrasNoSource(itemName(line.path), line.line, briefFile) })),
  ]
}

/** What a redraft changes in the extras file, a line each, at the lines of the file as it was. */
function redraftChanges(tied: Tied, extras: ParsedExtras, file: string): string[] {
  const place = (path: ExtrasPath, lang: Lang) => `${file}:${extras.positionOf([...path, lang]).line}`
  return [
    ...tied.stale.map((line) =>
      line.now ? cliMessages.redraftedLine(place(line.path, line.lang), itemName(line.path), line.line) : cliMessages.droppedLine(itemName(line.path), line.line),
    ),
    ...tied.untied.map((line) => cliMessages.sourcedLine(place(line.path, line.lang), itemName(line.path), line.line)),
  ]
}

/** Where the authored line of a slide item stands in the extras file, if the author wrote it. */
function extrasPathOf(tied: Tied, item: SlideItem): ExtrasPath | undefined {
  if (typeof item === 'string') return tied.extras[item] ? [item] : undefined
  return tied.origins.get(`${item.section}/${item.point}`)
}

/** What a slide item or extras path is called in a message. */
export function itemName(item: SlideItem | ExtrasPath): string {
  const key = Array.isArray(item) ? item[0] : typeof item === 'string' ? item : 'sections'
  return key === 'title' ? 'title' : key === 'subtitle' ? 'subtitle' : key === 'lede' ? 'bottom line' : 'headline'
}
