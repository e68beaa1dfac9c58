/** `npm run export -- --help`: pinned by a test so the README and the tool agree. */
export const EXPORT_USAGE = `Usage: npm run export [-- OPTIONS]

Builds the decks from the brief, then exports them, offline, with the fonts
embedded:
  NAME.pdf           one page per slide, every click shown; tagged with the
                     deck's language, an outline of the slide titles
  NAME-handout.pdf   A4 pages: each slide's image over its full speaker notes
  NAME.pptx          editable slides: titles and headlines as text, each
                     point appearing on its click, the notes as its notes

  --deck NAME     zh-Hant, en or bilingual; repeat it or give a comma list
                  (default: all three).
  --format LIST   pdf, handout, pptx as a comma list (default: all three).
  --out DIR       where to write the files (default: exports).
  --brief FILE    export another brief (default: content/regime-security.txt,
                  whose decks go to slides/); its decks are built aside,
                  slides/ is not touched.
  --decks DIR     export decks already built, as they are, instead of
                  building from a brief: for decks built with
                  \`npm run build -- --out DIR\` (for instance with --notes en,
                  for handouts with English notes).
  --show LANG     the bilingual deck showing zh-Hant or en only (as the
                  presenter's L key does), into bilingual-LANG.pdf,
                  bilingual-LANG-handout.pdf….
  --no-cache      build every deck afresh; by default a deck whose build
                  inputs (deck, components, setup, styles, fonts, lockfile)
                  are unchanged reuses its last static build.
  --help          show this text.
`

/** `npm run site -- --help`. */
export const SITE_USAGE = `Usage: npm run site [-- OPTIONS]

Builds the decks from the brief, then a static site: one folder per deck
and an index page linking each deck and its presenter view. Fonts are
served from the site itself; any static file server can host it (it uses
hash URLs, such as zh-Hant/#/2).

  --public        leave the speaker notes out of the site (and the presenter
                  views out of the index), for publishing.
  --deck NAME     zh-Hant, en or bilingual; repeat it or give a comma list
                  (default: all three).
  --out DIR       where to build the site (default: dist). Its contents are
                  replaced.
  --brief FILE    the site of another brief (slides/ is not touched).
  --decks DIR     decks already built, taken as they are.
  --no-cache      build every deck afresh (the site and the export share
                  the builds of unchanged decks).
  --help          show this text.
`
