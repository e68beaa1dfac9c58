/**
 * `npm run site` of a desk of briefings, run as the command runs (its lines
 * to the console: a terminal, a pipe, a CI log), for tests that need a desk
 * other than the project's. Arguments: the desk's folder (with `content/`),
 * the site's folder, the decks (`en`, `zh-Hant`…). Every deck built afresh,
 * no downloads.
 */
import path from 'node:path'
import { runSite } from '../../scripts/cli/site.ts'
import type { Variant } from '../../scripts/deck/variant.ts'

const [root, out, ...decks] = process.argv.slice(2)
if (!root || !out || decks.length === 0) throw new Error('usage: run-site.ts DESK OUT DECK…')
const desk = { content: path.join(root, 'content'), slides: path.join(root, 'slides') }
process.exitCode = await runSite({ decks: decks as Variant[], out, source: { names: [], desk }, public: false, noCache: true, downloads: false })
