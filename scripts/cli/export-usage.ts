/** `npm run export -- --help`: pinned by a test so the README and the tool agree. */
export const EXPORT_USAGE = `Usage: npm run export [-- NAME… OPTIONS]

Builds the decks of a briefing from its brief (content/NAME.txt), then exports
them into exports/NAME/, offline, with the fonts embedded; each file is
named after the briefing and the deck (DECK: zh-Hant, en or bilingual):
  NAME-DECK.pdf          one page per slide, every click shown; tagged with
                         the deck's language, an outline of the slide titles
  NAME-DECK-handout.pdf  A4 pages: each slide's image over its full speaker
                         notes, for the audience (no timings, no source lines)
  NAME-DECK.pptx         editable slides: titles and headlines as text, each
                         point appearing on its click, the notes as its notes
  NAME-DECK.html         the deck in one file that opens by double-click, with
                         its fonts: the slides, and at NAME-DECK.html#/presenter/1
                         the presenter view, which opens the audience window

  NAME…           the briefings to export; none needed when content/ holds
                  one brief only.
  --deck NAME     zh-Hant, en or bilingual; repeat it or give a comma list
                  (default: all three).
  --format LIST   pdf, handout, pptx, html as a comma list (default: all
                  four), or script: NAME-DECK-script.pdf, the speaker's
                  script (each slide's notes in full in large type, its
                  timing and source lines, under a small picture of the
                  slide; a page or more a slide), made only when asked.
  --public        the html files without notes, pacing or presenter view,
                  to hand out.
  --out DIR       where to write the files (default: exports; a briefing's
                  go to DIR/NAME/, those of --brief or --decks into DIR).
  --brief FILE    export one brief from anywhere instead; its decks are built
                  into a folder of their own, slides/ is not touched; the
                  files are named after FILE (water.txt: water-en.pdf…).
  --decks DIR     export decks already built, as they are, instead of
                  building from a brief: for decks built with
                  \`npm run build -- --out DIR\` (for instance with --notes en,
                  for handouts with English notes); the files are named
                  after DIR's last part.
  --show LANG     the bilingual deck showing zh-Hant or en only (as the
                  presenter's L key does), into NAME-bilingual-LANG.pdf,
                  NAME-bilingual-LANG-handout.pdf… (no html: the one file
                  switches languages live).
  --speaker       handouts for the speaker: each note also with the slide's
                  time budget and its source lines in the brief, and the
                  first page with the slot and the expected speaking time.
  --scheme dark   the slides light on dark, for a dark room (default: light):
                  every format's slides (PDF, handout pictures, PPTX, html).
                  Not with --decks, whose decks keep the scheme they were
                  built with (npm run build -- --scheme dark).
  --no-cache      build every deck afresh; by default a deck whose build
                  inputs (deck, components, setup, styles, fonts, lockfile)
                  are unchanged reuses its last static build.
  --help          show this text.
`

/** `npm run site -- --help`. */
export const SITE_USAGE = `Usage: npm run site [-- NAME… OPTIONS]

Builds the decks of every briefing in content/ (or those named) from their
briefs, then one static site for the desk: a folder per briefing, one per
deck in it (NAME/zh-Hant/…), its downloads (NAME/downloads/: slide PDF,
handout and PPTX of each deck), and an index of every briefing with both
titles, its date (\`date:\` in its .deck.yaml), slide count and speaking
time, linking each deck, its presenter view and its downloads. Fonts are
served from the site itself; any static file server can host it (it uses
hash URLs, such as NAME/zh-Hant/#/2).

  --public        leave the speaker notes out of the site (and the presenter
                  views, handouts and PPTX out of the index), for publishing.
  --no-downloads  leave the downloads out (quicker: no printing).
  --deck NAME     zh-Hant, en or bilingual; repeat it or give a comma list
                  (default: all three).
  --out DIR       where to build the site (default: dist). Its contents are
                  replaced.
  --brief FILE    the site of one brief from anywhere instead.
  --decks DIR     decks already built, taken as they are (under DIR's name).
  --scheme dark   the slides light on dark, for a dark room (default: light).
  --no-cache      build every deck afresh (the site and the export share
                  the builds of unchanged decks).
  --shard K/N     build only shard K of N (for a big desk, N machines each
                  build one): a briefing is in shard
                  (first 4 bytes of SHA-256 of its name) mod N + 1, so it
                  stays in its shard whatever else the desk holds. The
                  folder also gets .briefdeck-shard.json for --assemble.
  --assemble      join shards: npm run site -- --assemble DIR… --out DIR
                  takes the folders the N shards were built into and makes
                  one site with one index; refused unless every briefing
                  of the desk is in exactly one of them.
  --help          show this text.
`
