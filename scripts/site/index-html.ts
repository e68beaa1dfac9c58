import { joinTitle, type ExportDeck } from '../export/deck.ts'
import { escapeHtml } from '../export/handout-html.ts'

export interface SiteDeck {
  deck: ExportDeck
  /** The deck's folder in the site, also its Slidev `--base` without slashes. */
  folder: string
}

/**
 * The site's front page: each deck by its title, linking to it and (unless
 * the site is public) to its presenter view. Decks use hash URLs, so every
 * link is to a file that exists: any static server can host the site.
 */
export function renderSiteIndex(decks: SiteDeck[], options: { public: boolean }): string {
  const items = decks.map(({ deck, folder }) => {
    const title = deck.title.map((part) => `<span${part.lang ? ` lang="${escapeHtml(part.lang)}"` : ''}>${escapeHtml(part.text)}</span>`).join('<br>')
    const presenter = options.public ? '' : ` · <a class="presenter" href="${folder}/#/presenter/1">Presenter view</a>`
    return [
      `<li lang="${escapeHtml(deck.lang)}">`,
      `<a class="deck" href="${folder}/">${title}</a>`,
      `<p class="meta"><span lang="en">${escapeHtml(folder)} · ${deck.slides.length} slides</span>${presenter}</p>`,
      '</li>',
    ].join('\n')
  })
  const pageTitle = decks[0] ? joinTitle(decks[0].deck.title) : 'briefdeck'
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(pageTitle)}</title>`,
    `<style>${INDEX_CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    '<h1>Decks</h1>',
    '<ul class="decks">',
    ...items,
    '</ul>',
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n')
}

const INDEX_CSS = `
body { font-family: system-ui, sans-serif; color: #1d2433; margin: 0; }
main { max-width: 44rem; margin: 3rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.4rem; }
.decks { list-style: none; padding: 0; }
.decks li { border-left: 0.3rem solid #b42318; padding: 0.5rem 1rem; margin: 0 0 1.25rem; }
.deck { font-size: 1.2rem; font-weight: 700; color: inherit; }
.meta { color: #5b6475; margin: 0.4rem 0 0; }
`
