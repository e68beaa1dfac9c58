/** `npm run export -- --help`: pinned by a test so the README and the tool agree. */
export const EXPORT_USAGE = `Usage: npm run export [-- OPTIONS]

Exports built decks, offline, with the fonts embedded:
  NAME.pdf           one page per slide, every click shown; tagged with the
                     deck's language, an outline of the slide titles
  NAME-handout.pdf   A4 pages: each slide's image over its full speaker notes
  NAME.pptx          editable slides: titles and headlines as text, each
                     point appearing on its click, the notes as its notes

  --deck NAME     zh-Hant, en or bilingual; repeat it or give a comma list
                  (default: all three).
  --format LIST   pdf, handout, pptx as a comma list (default: all three).
  --out DIR       where to write the files (default: exports).
  --decks DIR     where the decks are (default: slides); for decks built
                  with \`npm run build -- --out DIR\` (for instance with
                  --notes en, for handouts with English notes).
  --show LANG     with --deck bilingual: export it showing zh-Hant or en
                  only (as the presenter's L key does), into
                  bilingual-LANG.pdf, bilingual-LANG-handout.pdf….
  --help          show this text.

Run \`npm run build\` first: the export reads the decks, not the brief.
`

/** `npm run site -- --help`. */
export const SITE_USAGE = `Usage: npm run site [-- --public] [-- --deck NAME] [-- --out DIR] [-- --decks DIR]

Builds a static site: one folder per deck and an index page linking each
deck and its presenter view. Fonts are served from the site itself; any
static file server can host it (it uses hash URLs, such as zh-Hant/#/2).

  --public        leave the speaker notes out of the site (and the presenter
                  views out of the index), for publishing.
  --deck NAME     zh-Hant, en or bilingual; repeat it or give a comma list
                  (default: all three).
  --out DIR       where to build the site (default: dist). Its contents are
                  replaced.
  --decks DIR     where the decks are (default: slides).
  --help          show this text.
`
