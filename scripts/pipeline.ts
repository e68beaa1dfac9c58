import { decodeBrief } from './brief/decode.ts'
import { parseBrief } from './brief/parse.ts'
import { normalizeBriefPunctuation } from './brief/punctuation.ts'
import type { Lang, Position } from './brief/model.ts'
import { alignBrief, validateBrief } from './brief/validate.ts'
import { buildDeckContent, type DeckContent } from './deck/content.ts'
import { checkFit } from './deck/fit.ts'
import { renderDeck } from './deck/render.ts'
import { VARIANTS, noteLangsOf, type Variant } from './deck/variant.ts'
import { hasErrors, sortDiagnostics, type Diagnostic } from './diagnostic.ts'
import { messages } from './messages.ts'
import { checkExtrasFit, parseExtras } from './extras/parse.ts'
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
}

export type BuildResult =
  | {
      ok: true
      content: DeckContent
      decks: Record<Variant, string>
      /** Where punctuation was changed to full width, in the brief. */
      normalized: Position[]
      /** Slides whose text is estimated to need type below the readable size. */
      warnings: Diagnostic[]
      /** Each deck's budgets for the slot. */
      plans: Record<Variant, BudgetPlan>
      /** Decks whose notes need clearly more than the slot, if any. */
      overSlot: OverSlot | undefined
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

  const { brief: aligned, changes } = input.normalizePunctuation
    ? normalizeBriefPunctuation(alignBrief(brief))
    : { brief: alignBrief(brief), changes: [] }
  if (extras && input.extras) {
    const misfits = checkExtrasFit(extras, aligned, input.extras.file)
    if (misfits.length > 0) return { ok: false, diagnostics: sortDiagnostics(misfits) }
  }
  const content = buildDeckContent(aligned, extras?.extras ?? {}, input.source)
  const minutes = input.minutes ?? extras?.extras.minutes
  const slot = minutes === undefined ? undefined : minutes * 60
  const plans = Object.fromEntries(
    VARIANTS.map((variant) => [variant, planDeck(content, noteLangsOf(variant, input.notes), slot)]),
  ) as Record<Variant, BudgetPlan>
  const decks = Object.fromEntries(
    VARIANTS.map((variant) => [
      variant,
      renderDeck(content, variant, {
        addonPath: input.addonPath,
        notes: input.notes,
        sourceReference: input.sourceReference ?? true,
        plan: plans[variant],
        fixedSlot: slot !== undefined,
      }),
    ]),
  ) as Record<Variant, string>
  const warnings = VARIANTS.flatMap((variant) => checkFit(content, variant))
  return { ok: true, content, decks, normalized: changes, warnings, plans, overSlot: checkSlot(plans) }
}
