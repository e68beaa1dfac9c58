/**
 * The part of Slidev's timer (`@slidev/client/composables/useTimer.ts`) that components/DeckRemote.vue and DeckPacing.vue
 * uses, for type checking only, as setup/slidev-client.d.ts does for `@slidev/client`.
 */
import type { ComputedRef } from 'vue'

export declare function useTimer(): {
  status: ComputedRef<'stopped' | 'running' | 'paused'>
  toggle: () => void
  /** Starts a stopped timer, or resumes a paused one. */
  resume: () => void
}
