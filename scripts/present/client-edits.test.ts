import { readFileSync } from 'node:fs'
import path from 'node:path'
import VitePluginServerRef from 'vite-plugin-vue-server-ref'
import { describe, expect, it } from 'vitest'
import { PROJECT_ROOT } from '../project.ts'
import { BRIEFING_LAYOUT, NOTES_SCALE, editClientSource } from './client-edits.ts'

const CLIENT = path.join(PROJECT_ROOT, 'node_modules', '@slidev', 'client')
const edit = (file: string, query = '') => {
  const id = path.join(CLIENT, file) + query
  return { before: readFileSync(path.join(CLIENT, file), 'utf8'), after: editClientSource(readFileSync(path.join(CLIENT, file), 'utf8'), id) }
}

describe("edits of Slidev's client (the installed version)", () => {
  it('takes the notes editor and its button out of the presenter view', () => {
    const { after } = edit('pages/presenter.vue')
    expect(after).not.toBeNull()
    expect(after).toMatch(/<NoteEditable\s+v-if="false"/)
    expect(after).toMatch(/v-if="false"\s+title="Edit Notes"/)
    expect(after).not.toContain('__SLIDEV_FEATURE_EDITOR__')
  })

  it("keeps each slide's notes once fetched, as Slidev's notes editor does", () => {
    const { before, after } = edit('internals/NoteStatic.vue')
    expect(before).toContain('useSlideInfo(props.no)')
    expect(after).toContain("import { useDynamicSlideInfo as useSlideInfo } from '../composables/useSlideInfo'")
  })

  it('takes note editing and "Open in editor" out of the overview', () => {
    const { after } = edit('pages/overview.vue', '?v=1234')
    expect(after).toContain(':editing="false"')
    expect(after).toMatch(/v-if="false"\s+class="overview-slide-action[^"]*"\s+:class="[^"]*"\s+title="Open in editor"/)
  })

  it('turns the side editor and slide dragging off', () => {
    for (const file of ['internals/NavControls.vue', 'pages/play.vue', 'composables/useDragElements.ts']) {
      const { before, after } = edit(file)
      expect(before).toContain('__SLIDEV_FEATURE_EDITOR__')
      expect(after).not.toContain('__SLIDEV_FEATURE_EDITOR__')
    }
  })

  it("lets only the page's own origin drive Slidev's embedded control", () => {
    const { before, after } = edit('composables/useEmbeddedCtrl.ts')
    expect(before).toContain("window.addEventListener('message', ({ data }) => {")
    expect(after).toContain("({ data, origin }) => {\n    if (origin !== location.origin) return")
  })

  it('starts the presenter notes larger', () => {
    expect(edit('state/storage.ts', '?v=abc').after).toContain(`useLocalStorage('slidev-presenter-font-size', ${NOTES_SCALE},`)
  })

  it('starts the presenter view in the briefing layout, one of four the layout button cycles', () => {
    const { after } = edit('state/storage.ts')
    expect(after).toContain(`useLocalStorage('slidev-presenter-layout', ${BRIEFING_LAYOUT},`)
    expect(after).toContain(`if (presenterLayout.value > ${BRIEFING_LAYOUT})`)
  })

  it("sends Slidev's shared state one request at a time, each after the one before is answered", async () => {
    // The module as the installed vite-plugin-vue-server-ref generates it for Slidev.
    const load = VitePluginServerRef().load as (id: string) => Promise<string>
    const before = await load('/@server-reactive/nav')
    const after = editClientSource(before, '/@server-reactive/nav')
    expect(before.match(/function post\(payload\)/g)).toHaveLength(1)
    expect(after).toContain('const sent = sending.then(() => postNow(payload))')
    expect(after).toMatch(/function postNow\(payload\) \{\s+return fetch\('\/@server-reactive\/nav'/)
    // Slidev's other shared states (drawings, snapshots) are not the position: left as they are.
    expect(editClientSource(await load('/@server-reactive/drawings?diff'), '/@server-reactive/drawings?diff')).toBeNull()
  })

  it('makes the menu buttons one control each, and the scrolling notes reachable by keyboard', () => {
    const menu = edit('internals/MenuButton.vue').after!
    expect(menu).not.toMatch(/<button/)
    expect(menu).toContain('<div style="display: contents" :class="{ disabled }" @click="value = !value">')
    const notes = edit('internals/NoteDisplay.vue').after!
    // Only the notes themselves (the placeholder and plain-text variants do not scroll).
    expect(notes.match(/tabindex="0"\s+role="region"\s+aria-label="Speaker notes"/g)).toHaveLength(1)
    expect(notes).toMatch(/v-if="noteHtml"\s+ref="noteDisplay"\s+tabindex="0"/)
  })

  it('leaves other files and the parts of a page alone, and says when Slidev changed', () => {
    expect(editClientSource('const a = 1', '/x/node_modules/vue/index.ts')).toBeNull()
    expect(editClientSource('<NoteEditable v-if="__DEV__"', path.join(CLIENT, 'pages/presenter.vue?vue&type=style&index=0'))).toBeNull()
    expect(() => editClientSource('<template></template>', path.join(CLIENT, 'pages/presenter.vue'))).toThrow(/changed/)
  })
})
