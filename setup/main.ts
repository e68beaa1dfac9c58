import { configs } from '@slidev/client'
import { defineAppSetup } from '@slidev/types'
import './briefing-layout.css'
import './views-a11y.css'
import { initAudienceView } from './audience-view.ts'
import { initBlankScreen } from './blank-screen.ts'
import { initFileSync, oneFileKind } from './file-sync.ts'
import { initRoomSync } from './room-sync.ts'
import { initNotesLang } from './notes-lang.ts'
import { initScheme } from './scheme.ts'
import { initShowMode } from './show-mode.ts'

export default defineAppSetup(({ router }) => {
  // In the browser only: the app is also set up for server-side steps of the build.
  if (typeof window === 'undefined') return
  initFileSync()
  // The file to hand out has no notes: no view that is made to show them.
  if (oneFileKind() === 'public') {
    for (const name of ['presenter', 'notes', 'notes-edit']) if (router.hasRoute(name)) router.removeRoute(name)
    // Nor a way to it: Slidev offers its presenter view (the toolbar's "Presenter Mode", the context
    // menu's "Enter Presenter Mode") only where no remote password is set or the address gives it
    // (useNav's isPresenterAvailable). A password no address gives hides both entries.
    configs.remote = Array.from(crypto.getRandomValues(new Uint32Array(4)), (n) => n.toString(36)).join('')
  }
  initScheme()
  initShowMode()
  initNotesLang()
  initRoomSync(router)
  initBlankScreen(router)
  initAudienceView(router)
})
