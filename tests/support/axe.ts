/**
 * axe-core (from npm) run inside a page: the WCAG 2.2 A/AA rules, and what
 * they found that is serious or critical, one line each (rule, impact, the
 * elements), for the test's failure message.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-chromium'

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** WCAG 2.0, 2.1 and 2.2, levels A and AA (2.2 added AA rules only). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/**
 * The serious and critical violations on the page as it is now, as `id (impact): target; target`.
 * Injected by evaluation (the DevTools protocol), which no page's Content-Security-Policy refuses.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE)
  return page.evaluate(async (tags) => {
    interface Result {
      violations: { id: string; impact?: string | null; nodes: { target: unknown[] }[] }[]
    }
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<Result> } }).axe
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.map(String).join(' ')).join('; ')}`)
  }, WCAG_TAGS)
}
