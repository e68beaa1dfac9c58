/**
 * The presenter's keys, as a table behind `?` (components/DeckKeys.vue) and in
 * the README ("Keys at the lectern"): one list, so the two cannot differ.
 */
import { ref } from 'vue'

export const KEY_HELP: readonly (readonly [keys: string, does: string])[] = [
  ['→  Space  PageDown', 'next click or slide (a clicker\'s forward button)'],
  ['←  PageUp', 'back (a clicker\'s back button)'],
  ['↓  ↑', 'next slide, previous slide (skips the clicks)'],
  ['Home  End', 'first slide, last slide'],
  ['B  .', 'projector black, again to show the slide (a clicker\'s blank button)'],
  ['W', 'projector white, again to show the slide'],
  ['L', 'languages shown: both → 中文 → English (bilingual deck)'],
  ['F', 'full screen (press it in the projector\'s window)'],
  ['O', 'overview of all slides'],
  ['G', 'go to a slide by number'],
  ['?', 'this table'],
]

/** Whether the table is open, in the presenter view. */
export const keyHelpOpen = ref(false)
