import type { Lang } from '../brief/model.ts'
import type { DeckContent } from '../deck/content.ts'
import { sectionSlides, type DeckLayout } from '../deck/fit.ts'
import { speakingSeconds } from '../deck/speaking-time.ts'
import { planBudgets, type BudgetPlan } from './budget.ts'

type Spoken = { text: string; lang: Lang }[]

/**
 * What the presenter says on each step of each slide, in the notes'
 * languages: the title slide its title (and subtitle), the bottom-line slide
 * the lede, a section slide its heading and then, one click each, its bullets.
 * A slide that continues a section (`layout`) carries its own bullets' time;
 * its heading was said on the section's first slide.
 */
export function spokenSteps(content: DeckContent, langs: readonly Lang[], layout: Pick<DeckLayout, 'parts'>): Spoken[][] {
  const inLangs = (text: (lang: Lang) => string | undefined): Spoken =>
    langs.flatMap((lang) => {
      const value = text(lang)
      return value === undefined ? [] : [{ text: value, lang }]
    })
  return [
    [[...inLangs((lang) => content.title[lang]), ...inLangs((lang) => content.subtitle[lang])]],
    [inLangs((lang) => content.lede.detail[lang].text)],
    ...sectionSlides(content, layout.parts).map((slide) => [
      slide.part === 0 ? inLangs((lang) => slide.heading[lang].text) : [],
      ...slide.points.map((point) => inLangs((lang) => point.detail[lang].text)),
    ]),
  ]
}

/**
 * A deck's budgets: each step's share of the slot by how long its notes take
 * to say. Without a slot, the time the notes take is the slot.
 */
export function planDeck(content: DeckContent, langs: readonly Lang[], layout: Pick<DeckLayout, 'parts'>, slotSeconds?: number): BudgetPlan {
  const speaking = spokenSteps(content, langs, layout).map((steps) => steps.map(speakingSeconds))
  const expected = speaking.flat().reduce((a, b) => a + b, 0)
  return planBudgets(speaking, slotSeconds ?? Math.max(1, Math.round(expected)))
}
