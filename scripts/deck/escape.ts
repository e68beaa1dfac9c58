/**
 * Brief text is data. Everywhere it enters a deck it is written as HTML
 * character references for every ASCII character that is not a letter, a
 * digit or a space. Then no layer between the markdown file and the screen
 * finds syntax in it: Slidev's slide splitter (`---`), fences, slot sugar
 * (`::name::`), note markers (`<!-- -->`, `[click]`), markdown-it (emphasis,
 * lists, links, `--` and `...` typography), KaTeX (`$`) and Vue (`{{ }}`,
 * tags). Each layer decodes references only at the point where the text has
 * become plain text, so it shows exactly as typed.
 */

/** ASCII that could mean something to some layer: all of it but letters, digits and the space. */
const SIGNIFICANT_ASCII = /[\x00-\x1f!-/:-@[-`{-\x7f]/g

/**
 * The one encoding of brief text, safe in each place it lands:
 * - a static prop of a component in a slide body (`<DeckPoint en="…" />`):
 *   Vue decodes it into the prop's string, shown by text interpolation;
 * - the HTML of a speaker note, shown with `v-html`: the browser decodes it
 *   into text nodes, never into elements;
 * - a `v-pre` span in a YAML slide `title`: markdown-it decodes it, `v-pre`
 *   stops Vue from reading `{{ }}`, and Slidev's `<title>` takes its text.
 */
export function escapeText(text: string): string {
  return text.replace(SIGNIFICANT_ASCII, (c) => `&#${c.charCodeAt(0)};`)
}
