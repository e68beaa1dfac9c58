import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { build, type Plugin } from 'esbuild'
import subsetFont from 'subset-font'
import { parseRanges, pointsIn } from '../print/font-faces.ts'

/**
 * One deck as one HTML file that opens from `file://`: a static build of the
 * deck (hash routes, relative base: scripts/builds/static-builds.ts) with its
 * scripts bundled into one inline module, its stylesheets into one inline
 * style, and every font and image a `data:` URL. A browser refuses module
 * scripts loaded from `file://` (the page's origin is opaque), and would not
 * fetch a sibling file anyway: so nothing is left to load.
 */
export async function packOneFile(buildDir: string, options: { public: boolean }): Promise<string> {
  const html = await readFile(path.join(buildDir, 'index.html'), 'utf8')
  const assets = path.join(buildDir, 'assets')
  const entry = /<script type="module" crossorigin src="\.\/(assets\/[^"]+\.js)"><\/script>/.exec(html)?.[1]
  if (!entry) throw new Error(`no entry script in ${buildDir}/index.html`)
  const script = await bundleScripts(path.join(buildDir, entry), assets)
  // Every stylesheet of the build, the entry's first: the chunks' styles would otherwise load with their chunks.
  const sheets = await cssFiles(assets, html)
  const css = (await Promise.all(sheets.map(async (file) => absoluteUrls(await readFile(file, 'utf8'), path.dirname(file), assets)))).join('\n')
  // The fonts the deck's characters need: the script holds every text the deck shows (and, with notes, the notes).
  const fonted = await inlineUrls(await embedFonts(css, scriptText(script), assets), assets)
  const head = [
    `<meta name="briefdeck-file" content="${options.public ? 'public' : 'presenter'}">`,
    `<style>\n${fonted.replace(/<\/style/gi, '<\\/style')}\n</style>`,
    `<script type="module">\n${script.replace(/<\/script/gi, '<\\/script')}\n</script>`,
  ].join('\n')
  // Replaced by functions: a replacement string would read the script's `$&`, `$'`… as patterns.
  return html
    .replace(/\s*<script type="module" crossorigin src="[^"]*"><\/script>/g, '')
    .replace(/\s*<link rel="(?:modulepreload|stylesheet)" crossorigin href="[^"]*">/g, '')
    .replace('</head>', () => `${head}\n</head>`)
}

/** Marks a namespace object as a module's (defined once, at the top of the bundle). */
const MODULE_MARK = '__briefdeckModule'

/**
 * The entry script and every chunk it imports, dynamically or not, as one
 * module (esbuild inlines dynamic imports when it does not split). Vite's
 * preloading of a chunk's dependencies (`__vite__mapDeps`) would add a link
 * to each sibling file: it is given none. `new URL('x.png', import.meta.url)`
 * becomes the file's `data:` URL.
 */
async function bundleScripts(entry: string, assets: string): Promise<string> {
  const plugin: Plugin = {
    name: 'briefdeck-one-file',
    setup(builder) {
      builder.onLoad({ filter: /\.js$/ }, async (args) => {
        let code = await readFile(args.path, 'utf8')
        code = code.replace(/const __vite__mapDeps=\(i,m=__vite__mapDeps,d=\(m\.f\|\|\(m\.f=\[[^\]]*\]\)\)\)=>i\.map\(i=>d\[i\]\);/, 'const __vite__mapDeps=()=>[];')
        code = await replaceAsync(code, /new URL\(([`'"])([^`'"]+)\1,\s*import\.meta\.url\)\.href/g, async (whole, _quote: string, url: string) => {
          const file = path.resolve(path.dirname(args.path), url)
          return file.startsWith(assets) && existsSync(file) ? JSON.stringify(await dataUrl(file)) : whole
        })
        // esbuild's namespace of an inlined chunk is a plain object: Vue takes a module's `default` only from one marked as a module.
        code = code.replace(/\bimport\(([`'"])(\.\.?\/[^`'"]+\.js)\1\)/g, (call) => `${call}.then(${MODULE_MARK})`)
        return { contents: code, loader: 'js' }
      })
    },
  }
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    write: false,
    minify: true,
    charset: 'utf8',
    target: 'es2022',
    legalComments: 'none',
    logLevel: 'silent',
    plugins: [plugin],
    banner: { js: `const ${MODULE_MARK}=(m)=>(m[Symbol.toStringTag]==='Module'||Object.defineProperty(m,Symbol.toStringTag,{value:'Module'}),m);` },
  })
  return result.outputFiles[0]!.text
}

/** The build's stylesheets, those the page links first, then the chunks' in name order. */
async function cssFiles(assets: string, html: string): Promise<string[]> {
  const linked = [...html.matchAll(/<link rel="stylesheet" crossorigin href="\.\/assets\/([^"]+\.css)">/g)].map((m) => path.join(assets, m[1]!))
  const all = (await readdir(assets, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && entry.name.endsWith('.css'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort()
  return [...linked, ...all.filter((file) => !linked.includes(file))]
}

const CSS_URL = /url\(\s*(['"]?)([^'")]+)\1\s*\)/g

/** `url(x)` of a file of the build (relative to `dir`) made its absolute path, to be inlined once the unused fonts are gone. */
function absoluteUrls(css: string, dir: string, assets: string): string {
  return css.replace(CSS_URL, (whole, _quote: string, url: string) => {
    if (/^(data|blob):/i.test(url) || url.startsWith('#')) return whole
    const file = path.resolve(dir, url.split(/[?#]/)[0]!)
    return file.startsWith(assets + path.sep) && existsSync(file) ? `url(${JSON.stringify(file)})` : whole
  })
}

const FONT_FACE = /@font-face\s*\{[^}]*\}/g
const UNICODE_RANGE = /unicode-range\s*:\s*([^;}]+)/i

/** Printable ASCII: CSS draws counters and attributes with it, whatever the text. */
const ASCII = String.fromCodePoint(...Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i))

/**
 * Each `@font-face` of the build cut to the characters of `text` it covers,
 * its font a WOFF2 of those glyphs only (HarfBuzz's subsetter): the fonts'
 * packages slice Noto Sans TC into some 120 files per weight, of which a
 * briefing touches most, for a few hundred characters. A rule covering none
 * of them goes.
 */
async function embedFonts(css: string, text: string, assets: string): Promise<string> {
  // Sorted: each rule's characters are found by a binary search per range, not by testing thousands against each rule.
  const points = [...new Set([...ASCII, ...text])].map((char) => char.codePointAt(0)!).sort((a, b) => a - b)
  return replaceAsync(css, FONT_FACE, async (rule) => {
    const file = /url\("([^"]+\.woff2)"\)/.exec(rule)?.[1]
    if (!file || !file.startsWith(assets + path.sep)) return rule
    const declared = UNICODE_RANGE.exec(rule)?.[1]
    const ranges = declared === undefined ? undefined : parseRanges(declared)
    const covered = ranges ? pointsIn(points, ranges) : points
    if (covered.length === 0) return ''
    const font = await subsetOnce(file, String.fromCodePoint(...covered))
    return rule.replace(/src\s*:[^;}]+/, `src:url(data:font/woff2;base64,${font.toString('base64')}) format("woff2")`)
  })
}

/**
 * A font file cut to `text`, made once a process: the decks of a briefing
 * share their fonts and, language by language, their characters (the
 * Chinese and the bilingual deck ask for the same Noto Sans TC subsets).
 */
const subsets = new Map<string, Promise<Buffer>>()
function subsetOnce(file: string, text: string): Promise<Buffer> {
  // Vite names a build's files by their content: the same name in two builds is the same font.
  const key = `${path.basename(file)}\0${text}`
  let made = subsets.get(key)
  if (!made) {
    made = readFile(file).then((bytes) => subsetFont(bytes, text, { targetFormat: 'woff2' }))
    subsets.set(key, made)
  }
  return made
}

/** Each `url()` that `absoluteUrls` made a path, made a `data:` URL. */
async function inlineUrls(css: string, assets: string): Promise<string> {
  return replaceAsync(css, CSS_URL, async (whole, _quote: string, url: string) =>
    url.startsWith(assets + path.sep) ? `url(${await dataUrl(url)})` : whole,
  )
}

/** The characters a script can put on the page: its text with `\uXXXX` escapes read. */
function scriptText(script: string): string {
  return script.replace(/\\u\{([0-9a-f]+)\}|\\u([0-9a-f]{4})/gi, (_, long: string | undefined, short: string | undefined) =>
    String.fromCodePoint(parseInt(long ?? short!, 16)),
  )
}

const TYPES: Record<string, string> = {
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
}

async function dataUrl(file: string): Promise<string> {
  const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
  return `data:${type};base64,${(await readFile(file)).toString('base64')}`
}

async function replaceAsync(text: string, pattern: RegExp, replace: (...match: string[]) => Promise<string>): Promise<string> {
  const matches = [...text.matchAll(pattern)]
  const replaced = await Promise.all(matches.map((match) => replace(...(match as unknown as string[]))))
  let out = ''
  let at = 0
  matches.forEach((match, i) => {
    out += text.slice(at, match.index) + replaced[i]
    at = match.index! + match[0].length
  })
  return out + text.slice(at)
}
