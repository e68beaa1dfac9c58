import { defineAppSetup } from '@slidev/types'
import './briefing-layout.css'
import { initBlankScreen } from './blank-screen.ts'
import { initRoomSync } from './room-sync.ts'
import { initShowMode } from './show-mode.ts'

export default defineAppSetup(({ router }) => {
  // In the browser only: the app is also set up for server-side steps of the build.
  if (typeof window === 'undefined') return
  initShowMode()
  initRoomSync(router)
  initBlankScreen(router)
})
