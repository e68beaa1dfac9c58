import { defineShortcutsSetup } from '@slidev/types'
import { canSwitch, cycleShowMode } from './show-mode.ts'

/** `L` cycles the bilingual deck's languages: both → 中文 → English → both. */
export default defineShortcutsSetup((_nav, base) => [
  ...base,
  { name: 'briefdeck_cycle_languages', key: 'l', fn: () => canSwitch() && cycleShowMode(), autoRepeat: false },
])
