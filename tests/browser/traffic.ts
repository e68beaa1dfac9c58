import type { Page } from 'playwright-chromium'

/** Everything a page did that a test may want to fail on. */
export interface Traffic {
  /** Every URL the page requested. */
  requests: string[]
  /** Requests that failed or were answered with an HTTP error, but for the benign cases below. */
  failures: string[]
  /** Console errors and uncaught exceptions. */
  errors: string[]
  /** Messages of alert/confirm/prompt dialogs (each dismissed). */
  dialogs: string[]
}

/** Where a page may send requests: this machine only. `data:` and `blob:` URLs are not requests. */
export function isLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url)
  if (protocol === 'data:' || protocol === 'blob:') return true
  return ['http:', 'https:', 'ws:'].includes(protocol) && ['localhost', '127.0.0.1', '[::1]'].includes(hostname)
}

interface Failure {
  method: string
  url: string
  errorText: string
  status: number | undefined
}

/**
 * Slidev's client POSTs its position to `/@server-reactive/nav` (the state
 * shared by presenter and audience) and never reads the answer: the server
 * applies the update and answers 200 with an empty body, and Chromium reports
 * the unread body as aborted. The same POST with its body read finishes (tried
 * by hand), so this failure says nothing about the deck.
 */
function isUnreadNavSync(failure: Failure): boolean {
  return (
    failure.method === 'POST' &&
    new URL(failure.url).pathname === '/@server-reactive/nav' &&
    failure.errorText === 'net::ERR_ABORTED' &&
    failure.status === 200
  )
}

/**
 * The presenter loads each slide's source for its note editor with vueuse's
 * `useFetch(url).get()`, which starts the request, and then calls `execute()`,
 * which aborts it and starts it again (@slidev/client composables/useSlideInfo.ts).
 * The first GET of `/__slidev/slides/N.json` is aborted by design; benign
 * when the same URL then loaded.
 */
function isRepeatedSlideInfo(failure: Failure, loaded: Set<string>): boolean {
  return (
    failure.method === 'GET' &&
    /^\/__slidev\/slides\/\d+\.json$/.test(new URL(failure.url).pathname) &&
    failure.errorText === 'net::ERR_ABORTED' &&
    loaded.has(failure.url)
  )
}

/**
 * UnoCSS generates its CSS as it meets new modules, and Vite swaps the page's
 * stylesheet for the newer one (`?t=` marks the version): a request for an
 * older version is then aborted. Benign when a newer version of the same
 * stylesheet loaded.
 */
function isSupersededStyle(failure: Failure, loaded: Set<string>): boolean {
  const url = new URL(failure.url)
  if (failure.errorText !== 'net::ERR_ABORTED' || !url.searchParams.has('t') || !url.pathname.endsWith('.css')) return false
  const version = Number(url.searchParams.get('t'))
  return [...loaded].some((other) => {
    const newer = new URL(other)
    return newer.pathname === url.pathname && Number(newer.searchParams.get('t')) > version
  })
}

export interface Recorder {
  /** A snapshot of what the page did so far. */
  traffic: () => Traffic
  /** Resolves once no request has been in flight for a moment: navigating away then aborts nothing. */
  quiet: () => Promise<void>
}

const QUIET_MS = 300
const QUIET_LIMIT_MS = 15_000

/** Starts recording a page's requests, failures, errors and dialogs. */
export function watch(page: Page): Recorder {
  const requests: string[] = []
  const failures: Failure[] = []
  const httpErrors: string[] = []
  const loaded = new Set<string>()
  const errors: string[] = []
  const dialogs: string[] = []
  let inFlight = 0
  page.on('request', (request) => {
    requests.push(request.url())
    inFlight++
  })
  page.on('requestfailed', () => inFlight--)
  page.on('requestfinished', async (request) => {
    inFlight--
    const response = await request.response().catch(() => null)
    if (response?.ok()) loaded.add(request.url())
  })
  page.on('requestfailed', async (request) => {
    const response = await request.response().catch(() => null)
    failures.push({ method: request.method(), url: request.url(), errorText: request.failure()?.errorText ?? '', status: response?.status() })
  })
  page.on('response', (response) => {
    if (response.status() >= 400) httpErrors.push(`${response.request().method()} ${response.url()}: HTTP ${response.status()}`)
  })
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url})`)
  })
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`))
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`)
    void dialog.dismiss()
  })
  return {
    quiet: async () => {
      // Bounded: a request that never ends is for the assertions to report, not to hang on.
      for (let still = 0, waited = 0; still < QUIET_MS && waited < QUIET_LIMIT_MS; waited += 50) {
        still = inFlight > 0 ? 0 : still + 50
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    },
    traffic: () => ({
      requests: [...requests],
      failures: [
        ...httpErrors,
        ...failures
          .filter((failure) => !isUnreadNavSync(failure) && !isRepeatedSlideInfo(failure, loaded) && !isSupersededStyle(failure, loaded))
          .map((failure) => `${failure.method} ${failure.url}: ${failure.errorText}`),
      ],
      errors: [...errors],
      dialogs: [...dialogs],
    }),
  }
}
