import type { ExportDeck, LangText } from '../export/deck.ts'
import { escapeHtml } from '../html.ts'
import { exportFileName, type Format } from '../export/formats.ts'
import { formatClock } from '../timing/clock.ts'
import type { BriefingFacts } from './briefing-facts.ts'

export interface SiteDeck {
  /** What the index shows of the deck: no more, so that a shard's manifest carries no speaker notes. */
  deck: Pick<ExportDeck, 'name' | 'title'>
  /** The deck's folder in the site (`NAME/en`). */
  folder: string
}

export interface SiteBriefing {
  name: string
  decks: SiteDeck[]
  facts: BriefingFacts
  /** The site's folder of its downloads, and the formats there. */
  downloads?: { folder: string; formats: Format[] }
}

const DECK_LABEL: Record<string, string> = { 'zh-Hant': 'Chinese', en: 'English', bilingual: 'Bilingual' }
const FORMAT_LABEL: Record<Format, string> = { pdf: 'Slides PDF', handout: 'Handout PDF', pptx: 'PowerPoint', html: 'Download as one file', script: "Speaker's script PDF" }

const langText = (part: LangText) => `<span${part.lang ? ` lang="${escapeHtml(part.lang)}"` : ''}>${escapeHtml(part.text)}</span>`

/**
 * The site's front page: every briefing with both its titles, its date,
 * slide count and speaking time, and for each deck the links to it, its
 * presenter view (unless the site is public) and its downloads. Decks use
 * hash URLs, so every link is to a file that exists: any static server can
 * host the site. Its text is set in the decks' own fonts, served by the site
 * (`fontFaces`); every piece of text names its language.
 */
export function renderSiteIndex(briefings: SiteBriefing[], options: { public: boolean; fontFaces?: string }): string {
  const items = briefings.map((briefing) => {
    const { facts } = briefing
    const titles = facts.titles
    const meta = [
      facts.date ? `<time datetime="${escapeHtml(facts.date)}">${escapeHtml(facts.date)}</time>` : 'undated',
      `${facts.slides} slides`,
    ]
    const decks = briefing.decks.map(({ deck, folder }, i) => {
      const seconds = facts.seconds[i]
      const links = [`<a class="deck" href="${folder}/">Slides</a>`]
      if (!options.public) links.push(`<a class="presenter" href="${folder}/#/presenter/1">Presenter view</a>`)
      for (const format of briefing.downloads?.formats ?? []) {
        links.push(`<a class="download" href="${briefing.downloads!.folder}/${exportFileName(briefing.name, deck.name, format)}" download>${FORMAT_LABEL[format]}</a>`)
      }
      const time = seconds === undefined ? '' : ` <span class="time">about ${formatClock(seconds)}</span>`
      return `<li><span class="variant">${escapeHtml(DECK_LABEL[deck.name] ?? deck.name)}</span>${time} ${links.join(' · ')}</li>`
    })
    return [
      `<article class="briefing" id="${escapeHtml(briefing.name)}">`,
      `<h2>${titles.map(langText).join('<br>')}</h2>`,
      `<p class="meta" lang="en"><span class="name">${escapeHtml(briefing.name)}</span> · ${meta.join(' · ')}</p>`,
      `<ul class="decks" lang="en">`,
      ...decks,
      '</ul>',
      '</article>',
    ].join('\n')
  })
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Briefings</title>`,
    `<style>${options.fontFaces ?? ''}\n${INDEX_CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>Briefings <span class="count">(${briefings.length})</span></h1>`,
    ...items,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n')
}

const INDEX_CSS = `
body { font-family: 'Noto Sans', 'Noto Sans TC', sans-serif; color: #1d2433; margin: 0; }
:lang(zh-Hant) { font-family: 'Noto Sans TC', 'Noto Sans', sans-serif; }
main { max-width: 48rem; margin: 3rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.4rem; }
h1 .count { color: #5b6475; font-weight: 400; }
.briefing { border-left: 0.3rem solid #b42318; padding: 0.25rem 1rem; margin: 0 0 2rem; }
.briefing h2 { font-size: 1.2rem; margin: 0.25rem 0; }
.meta { color: #5b6475; margin: 0.4rem 0; }
.decks { list-style: none; padding: 0; margin: 0.5rem 0 0; }
.decks li { margin: 0.25rem 0; }
.variant { display: inline-block; min-width: 6rem; font-weight: 700; }
.time { display: inline-block; min-width: 6.5rem; color: #5b6475; }
`
