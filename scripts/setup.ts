import { runCli } from './cli/run-cli.ts'
import { parseOptions } from './cli/parse-options.ts'
import { SETUP_USAGE } from './cli/usage.ts'
import { ensureBrowser } from './machine/install-browser.ts'
import { ensureTools } from './machine/install-tools.ts'
import { TEST_TOOLS } from './machine/test-tools.ts'

/**
 * `npm run setup`, run first by `npm test`: finds or installs everything the
 * tests use (Chromium, poppler's pdftoppm, LibreOffice Impress), a line each.
 * `npm run setup -- --browser`: Chromium alone, all that `npm run site` and
 * `npm run export` need (the site's CI job: the tools are for the tests only).
 */
const output = { out: (line: string) => console.log(line), err: (line: string) => console.error(line) }
process.exitCode = await runCli(
  () => {
    const values = parseOptions(process.argv.slice(2), { help: { type: 'boolean' }, browser: { type: 'boolean' } }, 'setup')
    return values.help ? 'help' : { browserOnly: values.browser ?? false }
  },
  SETUP_USAGE,
  async ({ browserOnly }) => {
    const browser = ensureBrowser(output.out)
    const tools = browserOnly || ensureTools(TEST_TOOLS, output.out)
    return browser && tools ? 0 : 1
  },
  output,
)
