/**
 * The part of Slidev's public client API (`@slidev/client`, node_modules/@slidev/client/index.ts)
 * that briefdeck's components use. Slidev ships that API as TypeScript source written for
 * its own compiler settings, which this project's strict NodeNext settings refuse; tsconfig.vue.json
 * maps the import here for type checking only (Vite still loads Slidev's own module).
 */
import type { ComputedRef, Ref } from 'vue'

export interface SharedState {
  page: number
  clicks: number
  timer: {
    status: 'stopped' | 'running' | 'paused'
    /** Declared by Slidev for each slide's start and end, not filled by it: see scripts/timing/slide-times.ts. */
    slides: Record<number, { start?: number | undefined; end?: number | undefined } | undefined>
    startedAt: number
    pausedAt: number
  }
}

/** The deck's configuration (its headmatter, and the server's): a plain object, read when needed. */
export declare const configs: {
  /** The password of Slidev's presenter view (`slidev --remote PASSWORD`): without it in the address, no entry leads there. */
  remote?: string | boolean
}

/** Shared between the presenter and audience views through the dev server. */
export declare const sharedState: SharedState

export declare function useNav(): {
  /** True on the `/presenter/…` route only. */
  isPresenter: ComputedRef<boolean>
  currentSlideNo: ComputedRef<number>
  clicks: ComputedRef<number>
  /**
   * Every slide, each with its frontmatter: a reactive object that Slidev's dev server updates in
   * place when the slide's frontmatter changes (and replaces, with the list, when slides come or go).
   */
  slides: Ref<{ no: number; meta: { slide: { frontmatter: Record<string, unknown>; title?: string } } }[]>
  total: ComputedRef<number>
  /** The current slide's registered clicks. */
  clicksTotal: ComputedRef<number>
  hasNext: ComputedRef<boolean>
  hasPrev: ComputedRef<boolean>
  next: () => Promise<void>
  prev: () => Promise<void>
}

/** How Slidev carries a state between windows (node_modules/@slidev/client/state/syncState.ts). */
export interface Sync {
  enabled?: boolean
  init: <State extends object>(
    channelKey: string,
    onUpdate: (data: Partial<State>) => void,
    state: State,
    persist?: boolean,
  ) => ((state: State, updating?: boolean) => void) | undefined
}

/** Adds a channel between windows; each state already made is set up on it at once. */
export declare function addSyncMethod(sync: Sync): void
/** Closes Slidev's own channel (BroadcastChannel, and localStorage for persisted states). */
export declare function disableBuiltinSync(): void
