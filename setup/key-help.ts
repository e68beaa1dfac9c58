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

/** The key of a deck opened as one file (its presenter view opens the audience window itself). */
const ONE_FILE_KEYS: readonly (readonly [keys: string, does: string])[] = [['A', 'audience window, for the projector: opens it, or brings it to the front']]

/** The presenter's keys in this page: `oneFile` for the presenter view of a deck opened as one file. */
export function keyHelp(oneFile: boolean): readonly (readonly [keys: string, does: string])[] {
  // Before `?`, the table's own key, which stays last.
  return oneFile ? [...KEY_HELP.slice(0, -1), ...ONE_FILE_KEYS, ...KEY_HELP.slice(-1)] : KEY_HELP
}

/** Whether the table is open, in the presenter view. */
export const keyHelpOpen = ref(false)
