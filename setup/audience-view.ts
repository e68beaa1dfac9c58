/**
 * The audience view shows the slide alone. Slidev keeps its control bar (page
 * count, 中/EN, buttons) on the play page: on hover at 16:9, and for good on
 * a 4:3 projector, where it sits in the letterbox under the slide. A page made
 * to be projected hides it (setup/audience-view.css): the play route of a
 * deck presented by `npm start` (its dev server, or a `--lan` room) and the
 * audience window of a deck opened as one file. The presenter drives from the
 * presenter view; the projector's window still takes the clicker's keys.
 * A reader on their own (the static site, the one file to hand out) keeps
 * Slidev's controls: nobody else drives their slides.
 */
import type { Router } from 'vue-router'
import './audience-view.css'
import { oneFileKind } from './file-sync.ts'
import { readRole } from './room-role.ts'

const ATTRIBUTE = 'data-deck-audience'

/** Presented, not read alone: the dev server of `npm start`, a room's pages, a one-file deck's audience window. */
function presented(): boolean {
  return import.meta.env.DEV || readRole() !== undefined || oneFileKind() === 'presenter'
}

export function initAudienceView(router: Router): void {
  if (!presented()) return
  const mark = () => document.documentElement.toggleAttribute(ATTRIBUTE, router.currentRoute.value.name === 'play')
  router.afterEach(mark)
  mark()
}
