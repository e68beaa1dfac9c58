/** `npm start -- --help`: pinned by a test so the README and the tool agree. */
export const START_USAGE = `Usage: npm start [NAME] [-- OPTIONS]

Builds the decks of the briefing NAME (content/NAME.txt; no NAME needed when
content/ holds one brief) as \`npm run build\` does, and presents one with
Slidev, on this machine only (see --lan). Open the audience view on the projector and the
presenter view (notes, timer, next slide) on your own screen; Ctrl-C stops it.
Saving the brief or its extras while it runs rebuilds the decks, and the open
views update in place; a brief with problems keeps the last good decks.

  --deck DECK   the deck to present: bilingual (default), en or zh-Hant.
  --port N      the port to serve on (default: 3030).
  --notes LANG  speaker notes in LANG (zh-Hant or en), for a presenter who
                reads the other language than the slides show.
  --brief FILE  present a brief from elsewhere instead of a briefing of content/.
  --minutes N   the slot, in minutes (or \`minutes:\` in the brief's .deck.yaml):
                each slide gets its share by the words of its notes, and the
                presenter view shows time left and ahead or behind the plan.
  --scheme dark the slides light on dark, for a dark room (default: light).
  --lan         present to other devices on this network: phones, screens and
                the projector open the audience address (slides, no notes);
                the presenter address (notes, control) carries a secret,
                over HTTPS on the port after --port's.
                No live editing while presenting to the room.
  --host ADDR   with --lan: listen on this address only (default: all).
  --plain-http  with --lan: the presenter address over plain HTTP too;
                anyone on the network can then read its secret.
  In the bilingual deck, the L key (or the 中/EN button) cycles what the
  audience sees: both languages, 中文 only, English only.
  --help        show this text.
`
