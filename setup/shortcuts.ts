import { defineShortcutsSetup } from '@slidev/types'
import { oneFileKind, openAudienceWindow } from './file-sync.ts'
import { canSwitch, cycleShowMode } from './show-mode.ts'

/**
 * `L` cycles the bilingual deck's languages: both → 中文 → English → both.
 * `A`, in the presenter view of a deck opened as one file, opens its audience window.
 */
export default defineShortcutsSetup((_nav, base) => [
  ...base,
  { name: 'briefdeck_cycle_languages', key: 'l', fn: () => canSwitch() && cycleShowMode(), autoRepeat: false },
  {
    name: 'briefdeck_open_audience',
    key: 'a',
    fn: () => oneFileKind() === 'presenter' && location.hash.startsWith('#/presenter') && openAudienceWindow(),
    autoRepeat: false,
  },
])
