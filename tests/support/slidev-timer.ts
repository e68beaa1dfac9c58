import type { Page } from 'playwright-chromium'

/**
 * Presses a button of Slidev's timer in the presenter's bottom bar ('play'
 * starts or resumes it, 'pause', 'renew' resets it), and waits until the timer
 * shows the state the press gives.
 *
 * Slidev shows these buttons only while the pointer is over the timer
 * (`group-not-hover:hidden`): a hover is lost when the bar shifts under a
 * still pointer (its neighbours re-render, a font arrives), and then a click
 * waits for a hidden button until it times out. Playwright's wait for a still
 * element also needs animation frames, which a paused test clock holds. So the
 * press is the click event itself, sent to the button that is there.
 */
export async function pressTimer(page: Page, button: 'play' | 'pause' | 'renew'): Promise<void> {
  const timer = page.locator('.slidev-presenter .grid-section.bottom')
  await timer.locator(`.i-carbon\\:${button}`).dispatchEvent('click')
  // Slidev swaps play and pause with the timer's state; a reset stopwatch shows no time (`-:--`).
  const shown = { play: timer.locator('.i-carbon\\:pause'), pause: timer.locator('.i-carbon\\:play'), renew: timer.getByText(/^\s*-\s*:\s*--\s*$/) }
  await shown[button].waitFor({ state: 'attached', timeout: 30_000 })
}
