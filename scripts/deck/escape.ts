/**
 * Brief text is data. It enters a deck in three places, and each is escaped
 * for what the layers between the markdown file and the screen read there,
 * and nothing more, so that the deck stays readable as text. The hazards are
 * listed in /work/shared/SLIDEV-FACTS.md; tests/fixtures/hostile.ts carries
 * each of them through every place (pipeline and browser tests).
 *
 * Brief text is always one line: nothing of it can stand at a line start,
 * where Slidev's splitter (`---`, fences), slot sugar (`::name::`), `$$`
 * blocks and snippets are read. Each escaping is HTML character references,
 * decoded only where the text has become plain text.
 */

/** Control characters: markdown-it reads a lone `\r` as a line end. */
const CONTROL = /[\x00-\x1f\x7f]/g

function reference(char: string): string {
  return `&#${char.charCodeAt(0)};`
}

/**
 * A static prop of a component in a slide body (`<DeckPoint en="…" />`):
 * markdown-it passes the tag through as HTML, and Vue decodes the value into
 * the prop's string, shown by text interpolation (`{{ }}` in a static value is
 * inert). What still needs care:
 * - `"` would end the value, `&` would be decoded by Vue, `<` could open a tag
 *   for markdown-it and Slidev's scans (`<style>`, `<Tweet`), and `>` with
 *   it keeps `<!--` and `-->` out of the file but where a note opens and
 *   closes (Slidev takes a slide's last comment as its notes);
 * - Slidev scans slide bodies for images to preload before the slide shows,
 *   whatever markup they stand in: `![…](…)`, `src='…'`, `image=…`, `url(…)`
 *   would make the deck request the brief's URL.
 */
export function escapeAttribute(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/!\[/g, '!&#91;')
    .replace(/\b(src|image)=/gi, '$1&#61;')
    .replace(/\burl\(/gi, 'url&#40;')
    .replace(CONTROL, reference)
}

/**
 * The text of a paragraph in a speaker note (`<p lang="en">…</p>`, one line):
 * markdown-it passes an HTML block through untouched (no emphasis, links,
 * typography or KaTeX inside it), and the presenter view shows it with
 * `v-html`. What still needs care:
 * - `<` and `&`: the browser would read tags (which run: `<img onerror>`) and
 *   references; `>` so that `-->` cannot end the note's comment early;
 * - `[click]`, `[click:3]` (any case): Slidev reads them as click markers
 *   before markdown-it sees the note.
 */
export function escapeNote(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\[(?=click)/gi, '&#91;')
    .replace(CONTROL, reference)
}

/** ASCII that markdown inline syntax could read: all of it but letters, digits and the space. */
const SIGNIFICANT_ASCII = /[\x00-\x1f!-/:-@[-`{-\x7f]/g

/**
 * A slide `title` in the frontmatter, inside a `v-pre` span: Slidev renders
 * it as inline markdown (its title renderer, the page's `<title>`), where
 * almost every ASCII mark means something: emphasis, code, links, images,
 * KaTeX, linkify (`:`, `/`, `.`, `@`), typographer replacements (`--`, `...`,
 * `(c)`, `+-`) and smart quotes (`'`, `"`). So every ASCII character that is
 * not a letter, a digit or a space is written as a reference; `v-pre` stops
 * Vue from reading `{{ }}`.
 */
export function escapeMarkdownInline(text: string): string {
  return text.replace(SIGNIFICANT_ASCII, reference)
}
