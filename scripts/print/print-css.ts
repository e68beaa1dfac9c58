import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { createGenerator, mergeConfigs, type UnoGenerator, type UserConfig } from '@unocss/core'
import MagicString from 'magic-string'
import postcss from 'postcss'
import postcssNested from 'postcss-nested'
import { PROJECT_ROOT } from '../project.ts'

/**
 * The stylesheet of the export's print page: the same CSS files, in the same
 * order, that Slidev puts into a deck (its client styles, the theme's, the
 * project's), with UnoCSS run over them as Slidev's build runs it. Read
 * from the installed packages every time, so a Slidev or theme upgrade, or an
 * edit to style.css, reaches the export as it reaches the slides.
 */

const require = createRequire(import.meta.url)
const CLIENT_ROOT = path.dirname(require.resolve('@slidev/client/package.json'))
const THEME_ROOT = path.dirname(require.resolve('@slidev/theme-default/package.json'))

/** Each root's own styles, as Slidev's `/@slidev/conditional-styles` finds them (themes, addons, then the deck folder). */
const ROOT_STYLES = ['styles/index.ts', 'styles/index.js', 'styles/index.css', 'styles.ts', 'styles.js', 'styles.css', 'style.ts', 'style.js', 'style.css']
/** Modules of the project's `setup/` whose CSS imports reach every deck. */
const SETUP_DIR = path.join(PROJECT_ROOT, 'setup')

export interface PrintCss {
  css: string
  /** Files the CSS refers to (fonts), by the URL path it uses for them. */
  files: Map<string, string>
}

/** The fonts Slidev's config gives UnoCSS's `font-sans` etc. (the headmatter's `fonts`, resolved). */
export interface FontFamilies {
  sans: string[]
  serif: string[]
  mono: string[]
}

/**
 * The print page's CSS for pages whose markup is `html`: every stylesheet a
 * deck loads, then the UnoCSS utilities the markup uses.
 */
export async function printCss(html: string, fonts: FontFamilies, deckDir: string): Promise<PrintCss> {
  const uno = await slidevUno(fonts)
  const utilities = await uno.generate(html, { preflights: true, safelist: false })
  const files = new Map<string, string>()
  const parts: string[] = []
  for (const entry of await styleEntries(deckDir)) {
    parts.push(entry.kind === 'uno-layer' ? (utilities.getLayer(entry.layer) ?? '') : await cssFile(entry.file, uno, files))
  }
  return { css: parts.join('\n'), files }
}

type StyleEntry = { kind: 'file'; file: string } | { kind: 'uno-layer'; layer: 'preflights' | 'typography' | 'shortcuts' | 'default' }

/** Slidev's CSS in its order: the client's style entry, then each root's (theme, the project as addon, the deck's folder). */
async function styleEntries(deckDir: string): Promise<StyleEntry[]> {
  const entries: StyleEntry[] = []
  const roots = [...new Set([THEME_ROOT, PROJECT_ROOT, path.resolve(deckDir)])]
  const visit = async (file: string) => {
    for (const specifier of await importsOf(file)) {
      if (specifier === '#slidev/conditional-styles') {
        for (const root of roots) {
          const style = ROOT_STYLES.map((name) => path.join(root, name)).find((candidate) => existsSync(candidate))
          if (style) await add(style)
        }
      } else if (specifier.startsWith('uno:')) {
        entries.push({ kind: 'uno-layer', layer: specifier.slice(4).replace(/\.css$/, '') as 'preflights' })
      } else if (specifier === 'uno.css') {
        entries.push({ kind: 'uno-layer', layer: 'default' })
      } else {
        await add(specifier.startsWith('.') ? path.resolve(path.dirname(file), specifier) : createRequire(file).resolve(specifier))
      }
    }
  }
  const add = async (file: string) => (/\.[cm]?[jt]s$/.test(file) ? visit(file) : entries.push({ kind: 'file', file }))
  await visit(path.join(CLIENT_ROOT, 'styles', 'index.ts'))
  for (const setup of await setupModules()) {
    for (const specifier of await importsOf(setup)) if (specifier.endsWith('.css')) entries.push({ kind: 'file', file: path.resolve(SETUP_DIR, specifier) })
  }
  return entries
}

async function setupModules(): Promise<string[]> {
  return (await readdir(SETUP_DIR)).filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts')).sort().map((name) => path.join(SETUP_DIR, name))
}

/** The side-effect imports (`import 'x.css'`) of a module. */
async function importsOf(file: string): Promise<string[]> {
  const source = await readFile(file, 'utf8')
  return [...source.matchAll(/^import\s+['"]([^'"]+)['"]/gm)].map((match) => match[1]!)
}

/** A CSS file with its `@import`s inlined, UnoCSS's directives applied, and its `url()`s served. */
async function cssFile(file: string, uno: UnoGenerator, files: Map<string, string>): Promise<string> {
  let css = await readFile(file, 'utf8')
  const imports: string[] = []
  css = css.replace(/@import\s+(?:url\()?['"]([^'"]+)['"]\)?\s*;/g, (_, specifier: string) => {
    imports.push(specifier)
    return `/* @import ${specifier} */`
  })
  const inlined = await Promise.all(
    imports.map((specifier) => cssFile(specifier.startsWith('.') ? path.resolve(path.dirname(file), specifier) : createRequire(file).resolve(specifier), uno, files)),
  )
  css = css.replace(/url\((['"]?)([^'")]+)\1\)/g, (whole, _quote: string, target: string) => {
    if (/^(data:|#|[a-z]+:\/\/)/i.test(target)) return whole
    const absolute = path.resolve(path.dirname(file), target.replace(/[?#].*$/, ''))
    const served = `/files/${files.size}-${path.basename(absolute)}`
    files.set(served, absolute)
    return `url(${served})`
  })
  const code = new MagicString(css)
  for (const transformer of uno.config.transformers ?? []) {
    if (transformer.idFilter && !transformer.idFilter(file)) continue
    await transformer.transform(code, file, { uno, tokens: new Set(), invalidate: () => {} } as never)
  }
  // Slidev's Vite config flattens nesting with postcss-nested, and a flattened rule can weigh less than a nested one.
  const flat = (await nesting.process(code.toString(), { from: file })).css
  return `${inlined.join('\n')}\n/* ${path.relative(PROJECT_ROOT, file)} */\n${flat}`
}

const nesting = postcss([postcssNested()])

/** One generator a process for each set of fonts (the decks of an export share theirs). */
const generators = new Map<string, Promise<UnoGenerator>>()

/** UnoCSS as Slidev configures it for a deck (setups/unocss.ts in @slidev/cli), icons left out: slides show none. */
function slidevUno(fonts: FontFamilies): Promise<UnoGenerator> {
  const key = JSON.stringify(fonts)
  let generator = generators.get(key)
  if (generator) return generator
  generator = (async () => {
    // Named as a package path so that the command's bundle compiles it in (Node alone cannot import TypeScript).
    const config = (await import('@slidev/client/uno.config.ts')).default as UserConfig
    const merged = mergeConfigs([config])
    merged.theme = { ...(merged.theme as object), fontFamily: { sans: fonts.sans.join(','), serif: fonts.serif.join(','), mono: fonts.mono.join(',') } }
    return createGenerator(merged)
  })()
  generators.set(key, generator)
  return generator
}
