import { defineAppSetup } from '@slidev/types'
import { initShowMode } from './show-mode.ts'

export default defineAppSetup(() => {
  // In the browser only: the app is also set up for server-side steps of the build.
  if (typeof window !== 'undefined') initShowMode()
})
