/**
 * Edits of Slidev's client source, applied as Vite serves or bundles it
 * (scripts/present/slidev-plugin.ts), before Slidev's own flag plugin and
 * Vue's compiler see it. Pure: tests feed it strings.
 *
 * - Read-only: the side editor and slide dragging (`__SLIDEV_FEATURE_EDITOR__`),
 *   the presenter's and the overview's notes editors, "Open in editor".
 *   Notes come from the brief.
 * - Nobody else steers: Slidev's embedded control (dev mode) takes `navigate`
 *   messages from any window; it now takes only its own origin's.
 * - Notes without a gap: the presenter's notes of a slide are fetched from the dev server
 *   once and kept (kept current by Slidev's hot updates), not fetched again each time the
 *   slide comes back; until a fetch was answered Slidev shows "No notes." in their place.
 * - Readable notes: the presenter's notes start at 1.5 times Slidev's size
 *   (its zoom buttons still go from 1 to 2, and keep the presenter's choice).
 * - The briefing layout: the presenter view starts in a fourth layout, the
 *   notes first (styled by setup/briefing-layout.css); Slidev's layout button
 *   cycles 1, 2, 3 and back to it, and keeps the presenter's choice.
 * - A room's pages (`npm start -- --lan`, marked by the room server) take no cross-window
 *   sync: Slidev's static builds move every window of one origin together (BroadcastChannel),
 *   so any page another site opens there (`window.open`) would steer them. A room moves by
 *   the room server alone (setup/room-sync.ts).
 * - Only the presenter's pages send the position: Slidev's audience pages on localhost send theirs
 *   too, and an echo of an older slide could overtake the presenter's move (the projector stayed
 *   on it: seen under load in the clicker test).
 * - Accessible controls (WCAG 2.2, tests/present/views-a11y.test.ts): Slidev's menu buttons (sync,
 *   more options) wrap their icon button in a second button, a control inside a control that a
 *   screen reader announces twice and the keyboard reaches twice; the outer one becomes a plain
 *   box that still takes the click. The presenter's notes scroll: they take the keyboard's focus,
 *   named, so that a keyboard alone can scroll them.
 * - The audience sees the last move: a page sends its shared state (slide, click,
 *   timer) to the server one request at a time. Sent at once, two requests can
 *   reach the server in the other order (seen under load: a pause sent after a
 *   click arrived before it), and the server keeps whichever came last — an
 *   older slide for the audience, a running timer for a paused one.
 */
import { ROLE_META } from './room-files.ts'

export const NOTES_SCALE = 1.5
/** The number of briefdeck's presenter layout, after Slidev's three. */
export const BRIEFING_LAYOUT = 4

interface Edit {
  file: RegExp
  find: RegExp
  replace: string
}

const SLIDEV_CLIENT = /\/@slidev\/client\/.+\.(?:vue|ts)$/
/** The module vite-plugin-vue-server-ref generates for Slidev's shared state (`server-reactive:nav`). */
const SYNC_MODULE = /^\/@server-reactive\/nav$/
const EDITOR_FLAG = /__SLIDEV_FEATURE_EDITOR__/g
const SFC_PART = /(?:^|&)vue(?:&|$)/

/** Each must match its file, or Slidev changed and the edit would be silently lost. */
const EDITS: Edit[] = [
  // The presenter's notes: NoteEditable in dev, NoteStatic (its v-else) otherwise.
  { file: /\/pages\/presenter\.vue$/, find: /(<NoteEditable\s+)v-if="__DEV__"/, replace: '$1v-if="false"' },
  { file: /\/pages\/presenter\.vue$/, find: /v-if="__DEV__"(\s+title="Edit Notes")/, replace: 'v-if="false"$1' },
  // Slidev's cached, hot-updated slide info (its notes editor's), in place of a fetch per visit.
  {
    file: /\/internals\/NoteStatic\.vue$/,
    find: /import \{ useSlideInfo \} from '\.\.\/composables\/useSlideInfo'/,
    replace: "import { useDynamicSlideInfo as useSlideInfo } from '../composables/useSlideInfo'",
  },
  // The overview page edits a note on double click, and offers "Open in editor".
  { file: /\/pages\/overview\.vue$/, find: /:editing="edittingNote === route\.no"/, replace: ':editing="false"' },
  {
    file: /\/pages\/overview\.vue$/,
    find: /v-if="__DEV__ && route\.meta\?\.slide"(\s+class="overview-slide-action[^"]*"\s+:class="[^"]*"\s+title="Open in editor")/,
    replace: 'v-if="false"$1',
  },
  {
    file: /\/composables\/useEmbeddedCtrl\.ts$/,
    find: /window\.addEventListener\('message', \(\{ data \}\) => \{/,
    replace: "window.addEventListener('message', ({ data, origin }) => {\n    if (origin !== location.origin) return",
  },
  {
    file: /\/state\/storage\.ts$/,
    find: /useLocalStorage\('slidev-presenter-font-size', 1,/,
    replace: `useLocalStorage('slidev-presenter-font-size', ${NOTES_SCALE},`,
  },
  {
    file: /\/state\/storage\.ts$/,
    find: /useLocalStorage\('slidev-presenter-layout', 1,/,
    replace: `useLocalStorage('slidev-presenter-layout', ${BRIEFING_LAYOUT},`,
  },
  { file: /\/state\/storage\.ts$/, find: /(if \(presenterLayout\.value )> 3\)/, replace: `$1> ${BRIEFING_LAYOUT})` },
  // Only the presenter moves the deck: an audience page on this machine would otherwise send its own
  // position too (Slidev lets viewers on localhost do so), and under load its echo of an older slide
  // could reach the server after the presenter's move and hold the projector there.
  { file: /\/state\/storage\.ts$/, find: /viewerSend: true,/, replace: 'viewerSend: false,' },
  {
    file: /\/state\/syncState\.ts$/,
    find: /(init<State extends object>\(channelKey: string, onUpdate: \(data: Partial<State>\) => void, state: State, persist = false\) \{)/,
    replace: `$1\n    if (!__SLIDEV_HAS_SERVER__ && document.querySelector('meta[name="${ROLE_META}"]')) return undefined`,
  },
  {
    file: /\/internals\/MenuButton\.vue$/,
    find: /<button :class="\{ disabled \}" @click="value = !value">(\s*<slot name="button" :value :class="\{ disabled \}" \/>\s*)<\/button>/,
    replace: '<div style="display: contents" :class="{ disabled }" @click="value = !value">$1</div>',
  },
  {
    file: /\/internals\/NoteDisplay\.vue$/,
    find: /(v-if="noteHtml"\s+ref="noteDisplay")/,
    replace: '$1\n    tabindex="0"\n    role="region"\n    aria-label="Speaker notes"',
  },
  // Each request waits for the one before it to be answered (the server has applied it by then), so
  // the last one sent is the last one kept; each sends the page's state as it is when it goes
  // (`stringify` runs in postNow). No time limit: this is the dev server on this machine's loopback
  // (`--lan` rooms sync through setup/room-sync.ts), where a request is answered or refused at once;
  // and a page's timers can run faster than real time (tests' clocks), which would cut one short.
  {
    file: SYNC_MODULE,
    find: /function post\(payload\) \{/,
    replace: [
      'let sending = Promise.resolve()',
      '  function post(payload) {',
      '    const sent = sending.then(() => postNow(payload))',
      '    sending = sent.catch(() => {})',
      '    return sent',
      '  }',
      '  function postNow(payload) {',
    ].join('\n'),
  },
]

/** The edited source of one of Slidev's client files, or null when it needs none. */
export function editClientSource(code: string, id: string): string | null {
  // Vite adds `?v=HASH` to some imports; `?vue&type=…` parts of a page are not its template.
  const [file = id, query = ''] = id.split('?')
  if (!(SLIDEV_CLIENT.test(file) || SYNC_MODULE.test(file)) || SFC_PART.test(query)) return null
  let edited = code.replace(EDITOR_FLAG, 'false')
  for (const edit of EDITS.filter((candidate) => candidate.file.test(file))) {
    if (!edit.find.test(edited)) throw new Error(`briefdeck: ${file} (Slidev's client) changed; the edit ${edit.find} no longer applies`)
    edited = edited.replace(edit.find, edit.replace)
  }
  return edited === code ? null : edited
}
