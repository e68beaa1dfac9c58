import { defineAppSetup } from '@slidev/types'
import './briefing-layout.css'
import { initBlankScreen } from './blank-screen.ts'
import { initFileSync, oneFileKind } from './file-sync.ts'
import { initRoomSync } from './room-sync.ts'
import { initNotesLang } from './notes-lang.ts'
import { initShowMode } from './show-mode.ts'

export default defineAppSetup(({ router }) => {
  // In the browser only: the app is also set up for server-side steps of the build.
  if (typeof window === 'undefined') return
  initFileSync()
  // The file to hand out has no notes: no view that is made to show them.
  if (oneFileKind() === 'public') for (const name of ['presenter', 'notes', 'notes-edit']) if (router.hasRoute(name)) router.removeRoute(name)
  initShowMode()
  initNotesLang()
  initRoomSync(router)
  initBlankScreen(router)
})
