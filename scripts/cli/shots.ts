import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { launchBrowser } from '../browser/find.ts'
import { VARIANTS } from '../deck/variant.ts'
import { shotsMessages } from '../messages.ts'
import { DEFAULT_BRIEF, DEFAULT_DECKS, PROJECT_ROOT } from '../project.ts'
import { captureDeck } from '../screenshots/capture.ts'
import { consoleOutput, type Output } from '../io/output.ts'
import { buildAndSay } from './print-build.ts'

/** Build output, ignored by git. */
export const SHOTS_DIR = path.join(PROJECT_ROOT, 'shots')

/** `npm run shots`: build the decks, then a PNG of every slide and presenter view of each into shots/. */
export async function main(output: Output = consoleOutput): Promise<number> {
  const started = Date.now()
  const built = await buildAndSay({ brief: DEFAULT_BRIEF, out: DEFAULT_DECKS, keepPunctuation: false }, output)
  if (built !== 0) return built
  await mkdir(SHOTS_DIR, { recursive: true })
  let browser
  try {
    browser = await launchBrowser()
  } catch {
    output.err(shotsMessages.noBrowser())
    return 1
  }
  try {
    let count = 0
    // One deck at a time: each has its own Slidev server, and the machine may have two cores.
    for (const variant of VARIANTS) {
      count += (await captureDeck(browser, path.join(DEFAULT_DECKS, `${variant}.md`), variant, SHOTS_DIR)).length
    }
    output.out(shotsMessages.wrote(count, path.relative(process.cwd(), SHOTS_DIR) || '.', ((Date.now() - started) / 1000).toFixed(1)))
    return 0
  } finally {
    await browser.close()
  }
}
