import { defineShortcutsSetup } from '@slidev/types'
import { toggleBlank } from './blank-screen.ts'
import { oneFileKind, openAudienceWindow } from './file-sync.ts'
import { keyHelpOpen } from './key-help.ts'
import { canSwitch, cycleShowMode } from './show-mode.ts'

/**
 * briefdeck's keys beside Slidev's (setup/key-help.ts lists them all): `L`
 * cycles the bilingual deck's languages (both → 中文 → English → both); a
 * clicker's blank button (`B` or `.`) blanks the projector black, `W` white;
 * Home and End go to the first and the last slide; `?` shows the keys; `A`,
 * in the presenter view of a deck opened as one file, opens its audience window.
 */
export default defineShortcutsSetup((nav, base) => [
  ...base,
  { name: 'briefdeck_cycle_languages', key: 'l', fn: () => canSwitch() && cycleShowMode(), autoRepeat: false },
  { name: 'briefdeck_black', key: 'b', fn: () => toggleBlank('black'), autoRepeat: false },
  { name: 'briefdeck_black_period', key: '.', fn: () => toggleBlank('black'), autoRepeat: false },
  { name: 'briefdeck_white', key: 'w', fn: () => toggleBlank('white'), autoRepeat: false },
  { name: 'briefdeck_first', key: 'home', fn: () => void nav.goFirst(), autoRepeat: false },
  { name: 'briefdeck_last', key: 'end', fn: () => void nav.goLast(), autoRepeat: false },
  { name: 'briefdeck_keys', key: '?', fn: () => (keyHelpOpen.value = !keyHelpOpen.value), autoRepeat: false },
  {
    name: 'briefdeck_open_audience',
    key: 'a',
    fn: () => oneFileKind() === 'presenter' && location.hash.startsWith('#/presenter') && openAudienceWindow(),
    autoRepeat: false,
  },
])
