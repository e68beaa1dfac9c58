import { ensureBrowser } from './browser/install.ts'

/** `npm run setup`, run before tests and presenting: makes sure a browser is there. */
process.exitCode = ensureBrowser((line) => console.log(line)) ? 0 : 1
