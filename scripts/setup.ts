import { ensureBrowser } from './machine/install-browser.ts'
import { ensureTools } from './machine/install-tools.ts'
import { TEST_TOOLS } from './machine/test-tools.ts'

/**
 * `npm run setup`, run first by `npm test`: finds or installs everything the
 * tests use (Chromium, poppler's pdftoppm, LibreOffice Impress), a line each.
 * `npm run setup -- --browser`: Chromium alone, all that `npm run site` and
 * `npm run export` need (the site's CI job: the tools are for the tests only).
 */
const say = (line: string) => console.log(line)
const browserOnly = process.argv.slice(2).includes('--browser')
const browser = ensureBrowser(say)
const tools = browserOnly || ensureTools(TEST_TOOLS, say)
process.exitCode = browser && tools ? 0 : 1
