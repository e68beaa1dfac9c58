import { compile, createSSRApp, type Component } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { BuildError } from '../builds/static-builds.ts'
import { exportMessages } from '../messages.ts'
import { escapeHtml } from '../html.ts'
import { PAGE_SIZE_STYLE } from './print-origin.ts'
import type { FontFamilies } from './print-css.ts'
import { loadComponents } from './components.ts'

/** One slide of a deck as Slidev reads it: its body (markup of the deck's components) and its number. */
export interface PrintSlide {
  no: number
  content: string
}

/** What printing needs of a deck (scripts/export/deck.ts reads it). */
export interface PrintDeck {
  /** The deck file, for messages. */
  file: string
  /** The font stacks Slidev's config gives the deck (UnoCSS's `font-sans`…). */
  fonts: FontFamilies
  /** `<html lang>`, the deck's headmatter `lang`. */
  lang: string
  width: number
  height: number
  slides: PrintSlide[]
  /** The slides' colours: a dark deck marks its print page as setup/scheme.ts marks a slide page. */
  scheme?: string
}

/** The deck components a slide body uses (`<DeckPoint …>`). */
const COMPONENT_TAG = /<([A-Z][A-Za-z0-9]*)\b/g

/**
 * Renders every slide of a deck, every click shown, into the markup of
 * Slidev's print view: each slide body is compiled as Slidev compiles it (a
 * Vue template of the deck's components) and rendered on the server, inside
 * the elements Slidev puts around a printed slide.
 */
export async function renderSlides(deck: PrintDeck): Promise<string> {
  const names = [...new Set(deck.slides.flatMap((slide) => [...slide.content.matchAll(COMPONENT_TAG)].map((match) => match[1]!)))].sort()
  const components = await loadComponents(names)
  const pages: string[] = []
  for (const slide of deck.slides) {
    const problems: string[] = []
    const render = compile(slide.content.trim(), { onError: (error) => void problems.push(error.message) })
    if (problems.length > 0) throw new BuildError(exportMessages.slideUnprintable(deck.file, slide.no, problems.join('; ')))
    const app = createSSRApp({ render })
    for (const [name, component] of Object.entries(components)) app.component(name, component as Component)
    // Slidev's v-click marks its element; in print every click is shown, so nothing is hidden.
    app.directive('click', { getSSRProps: () => ({ class: 'slidev-vclick-target' }) })
    const body = await renderToString(app)
    pages.push(
      `<div class="print-slide-container" style="height: ${deck.height}px; width: ${deck.width}px;">` +
        `<div data-slidev-no="${slide.no}" class="slidev-page slidev-page-${slide.no}">` +
        `<div class="slidev-layout default">${body}</div></div></div>`,
    )
  }
  return pages.join('\n')
}

/**
 * What Slidev's print view adds around the slides (pages/export.vue,
 * composables/usePrintStyles.ts, and the scoped styles of its slide
 * containers): one page per slide at the slide's size, nothing animated.
 */
function printViewCss(): string {
  return `* { transition: none !important; transition-duration: 0s !important; }
html, body, #app { overflow: unset !important; }
.print-slide-container { position: relative; overflow: hidden; break-after: page; background-color: #fff; }
.slidev-page { position: absolute; inset: 0; width: 100%; height: 100%; }`
}

/** The whole print page of a deck: its slides, the decks' stylesheet, the fitting script. */
export function printPage(deck: PrintDeck, slides: string, options: { stylesheet: string; script: string; show?: string | undefined }): string {
  const show = options.show ? ` data-deck-show="${escapeHtml(options.show)}"` : ''
  const scheme = deck.scheme === 'dark' ? ' data-deck-scheme="dark"' : ''
  return `<!doctype html>
<html lang="${escapeHtml(deck.lang)}" class="light"${show}${scheme}>
<head>
<meta charset="utf-8">
<link rel="stylesheet" href="${options.stylesheet}">
<style>${printViewCss()}</style>
<style id="${PAGE_SIZE_STYLE}">@page { size: ${deck.width}px ${deck.height}px; margin: 0px; }</style>
</head>
<body><div id="app"><div id="export-content">
${slides}
</div></div>
<script>${options.script}</script>
</body>
</html>
`
}

