import { ensureBrowser } from './machine/install-browser.ts'
import { ensureTools } from './machine/install-tools.ts'
import { TEST_TOOLS } from './machine/test-tools.ts'

/**
 * `npm run setup`, run first by `npm test`: finds or installs everything the
 * tests use (Chromium, poppler's pdftoppm, LibreOffice Impress), a line each.
 */
const say = (line: string) => console.log(line)
const browser = ensureBrowser(say)
const tools = ensureTools(TEST_TOOLS, say)
process.exitCode = browser && tools ? 0 : 1
