/** `npm start -- --help`: pinned by a test so the README and the tool agree. */
export const START_USAGE = `Usage: npm start [-- --deck DECK] [-- --port N]

Builds the decks from content/ (as \`npm run build\` does) and presents one with
Slidev, on this machine only. Open the audience view on the projector and the
presenter view (notes, timer, next slide) on your own screen; Ctrl-C stops it.

  --deck DECK   the deck to present: bilingual (default), en or zh-Hant.
  --port N      the port to serve on (default: 3030).
  --help        show this text.
`
