import type { Lang } from '../brief/model.ts'

/** The decks built from every brief, each named after its file in the output folder. */
export const VARIANTS = ['zh-Hant', 'en', 'bilingual'] as const
export type Variant = (typeof VARIANTS)[number]

/** The languages a deck shows, Chinese first. */
export function variantLangs(variant: Variant): Lang[] {
  return variant === 'bilingual' ? ['zh-Hant', 'en'] : [variant]
}

/** The deck's `<html lang>`; the bilingual deck tags its English elements one by one. */
export function variantHtmlLang(variant: Variant): Lang {
  return variant === 'bilingual' ? 'zh-Hant' : variant
}

/** The languages of a deck's notes: its own, or the one the presenter reads (`--notes`). */
export function noteLangsOf(variant: Variant, notes?: Lang): Lang[] {
  return notes ? [notes] : variantLangs(variant)
}
