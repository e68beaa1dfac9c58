/** Text for the HTML pages briefdeck writes itself (handout, print page, site index): shown as typed, never read as markup. */

const HTML_SPECIAL = /[&<>"']/g
const HTML_ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(text: string): string {
  return text.replace(HTML_SPECIAL, (c) => HTML_ENTITY[c] ?? c)
}
