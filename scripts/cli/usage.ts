/** `npm run build -- --help`: pinned by a test so the README and the tool agree. */
export const BUILD_USAGE = `Usage: npm run build [-- NAME… OPTIONS]

Turns each bilingual brief content/NAME.txt into three Slidev decks in
slides/NAME/: zh-Hant.md, en.md and bilingual.md. Only briefs whose inputs
changed (the brief, its extras, briefdeck itself) are built; it says which
were built and which were current. A brief with problems leaves its decks as
they were and does not stop the others (the exit code is then 1).

  NAME…          build only these briefings (default: every brief in content/).
                 A name is lowercase letters a-z, digits and single hyphens.
  --brief FILE   build one brief from anywhere instead, into a folder of its own
                 (slides/NAME/ for content/NAME.txt, else under .tmp/briefs/).
                 Headlines and titles come from FILE's extras, a file named
                 like the brief with .deck.yaml in place of .txt, if there is one.
  --out DIR      where to write the decks of one briefing (the one named, the
                 only one in content/, or --brief). DIR must be inside the
                 project, so that the decks find its components.
  --keep-punctuation
                 show the brief's half-width punctuation inside Chinese text as
                 typed (by default ,;:?!() there are shown in full width, ，；：？！（）).
  --notes LANG   speaker notes in LANG (zh-Hant or en) in every deck, for a
                 presenter who reads the other language than the slides show.
  --minutes N    the briefing's slot in minutes (default: \`minutes:\` in the
                 extras, else the time the notes take to say): each note states
                 its slide's share of it.
  --scheme dark  the slides light on dark, for a dark room (default: light),
                 the same contrast rules.
  --hide-source  leave out the line at the end of each note that names the
                 brief's file and the lines of the slide's text.
  --write-extras also write FILE's extras (NAME.deck.yaml beside NAME.txt)
                 with the title and every headline, each with the brief text
                 it stands for as its source, ready to edit. An existing file
                 is brought up to date: lines whose brief text is unchanged
                 are kept, stale ones redrafted, and each change is listed.
  --help         show this text.

The three decks are written together or not at all: a brief with problems is
reported as FILE:LINE:COL lines and leaves the decks in DIR as they were.
`

/** `npm run shots -- --help`. */
export const SHOTS_USAGE = `Usage: npm run shots

Builds the shipped brief's decks, then writes a PNG of every slide and of the
presenter view of each deck into shots/ (the README's pictures come from there).

  --help         show this text.
`

/** `npm run setup -- --help`. */
export const SETUP_USAGE = `Usage: npm run setup

Finds, or installs, what the tests use, and says what it found or installed, a
line each: Chromium (Playwright's download, else Debian's chromium package),
pdftoppm (Debian's poppler-utils) and soffice (Debian's libreoffice-impress).
Installing needs root and apt-get; otherwise it names the packages to install
and exits 1. \`npm test\` runs it first.

  --browser      Chromium alone: all that \`npm run site\` and \`npm run export\`
                 need (the site's CI job; the other tools are for the tests).
  --help         show this text.
`

/** `npm run bench -- --help`. */
export const BENCH_USAGE = `Usage: npm run bench [-- OPTIONS]

Measures briefdeck's commands side by side with plain Slidev in one run (each
pair taken in turn, A, B, A, B…) and writes a report (docs/benchmarks.md).

  --runs N       runs of each case (default 5).
  --quick        one run of each, small cases, report in docs/benchmarks-quick.md:
                 only keeps the benchmark itself from rotting.
  --only TEXT    only the cases whose name contains TEXT (e.g. export, start-up);
                 two are run only when asked: \`--only "site size"\` (sites of 1
                 and 10 briefings) and \`--only shards\` (100 briefings, whole
                 and in 4 shards: about an hour).
  --out FILE     write the report there.
  --help         show this text.
`
