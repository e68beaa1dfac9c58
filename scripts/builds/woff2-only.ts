import { list, type Plugin as PostcssPlugin } from 'postcss'
import type { Plugin } from 'vite'

/** A source of an @font-face `src` list that is a WOFF file (`url(x.woff) format('woff')`). */
const WOFF_SOURCE = /^url\(\s*['"]?[^'")]+\.woff['"]?\s*\)(\s*format\(\s*['"]?woff['"]?\s*\))?$/i

/**
 * Keeps WOFF2 only in the @font-face rules of every stylesheet, ahead of
 * Vite's handling of `url()`: the WOFF files of the font packages are then
 * never copied into a build. Each font of @fontsource comes as WOFF2 and as
 * WOFF; every browser Slidev supports reads WOFF2, so the WOFF copies (over
 * half a deck's bytes) were never fetched, only stored, uploaded and served.
 * A rule whose only source is WOFF keeps it.
 */
export function woff2OnlyPostcss(): PostcssPlugin {
  return {
    postcssPlugin: 'briefdeck-woff2-only',
    AtRule: {
      'font-face': (rule) => {
        rule.walkDecls('src', (declaration) => {
          const sources = list.comma(declaration.value)
          const kept = sources.filter((source) => !WOFF_SOURCE.test(source.trim()))
          if (kept.length > 0 && kept.length < sources.length) declaration.value = kept.join(', ')
        })
      },
    },
  }
}

/** `woff2OnlyPostcss` in a deck's Vite config (Vite runs it after inlining `@import`s, before rewriting `url()`s). */
export function woff2Only(): Plugin {
  return { name: 'briefdeck:woff2-only', config: () => ({ css: { postcss: { plugins: [woff2OnlyPostcss()] } } }) }
}
