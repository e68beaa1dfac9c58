/**
 * The export's peer in the benchmark: Marp CLI (`@marp-team/marp-cli`,
 * driving the same Chromium) printing the same brief's three decks as slide
 * PDFs. The decks are written as Marp Markdown from the same content as ours:
 * a title slide with the lede, a slide per section with its headlines, the
 * detailed bullets as presenter notes, in the same fonts from the same npm
 * packages (Marp's PDF needs them as local files).
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Lang } from '../brief/model.ts'
import type { DeckContent } from '../deck/content.ts'
import { VARIANTS, variantLangs, type Variant } from '../deck/variant.ts'
import { buildDecks } from '../pipeline.ts'
import { DEFAULT_BRIEF, PROJECT_ROOT, extrasPathFor } from '../project.ts'
import type { Run } from './measure.ts'

const MARP_BIN = path.join(PROJECT_ROOT, 'node_modules', '@marp-team', 'marp-cli', 'marp-cli.js')
const FONT_CSS = ['noto-sans-tc/400.css', 'noto-sans-tc/700.css', 'noto-sans/400.css', 'noto-sans/700.css', 'noto-emoji/400.css']

/** Text as Markdown shows it: nothing in a brief is markup. */
const plain = (text: string) => text.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, (character) => `\\${character}`)
const noteText = (text: string) => text.replaceAll('--', '- -')

/** The @font-face rules of the decks' fonts, naming the package files by absolute file URL. */
async function fontFaces(): Promise<string> {
  const rules: string[] = []
  for (const file of FONT_CSS) {
    const packageDir = path.join(PROJECT_ROOT, 'node_modules', '@fontsource', path.dirname(file))
    const css = await readFile(path.join(packageDir, path.basename(file)), 'utf8')
    rules.push(css.replaceAll('url(./files/', `url(file://${packageDir}/files/`))
  }
  return rules.join('\n')
}

export function marpDeck(content: DeckContent, variant: Variant, fonts: string): string {
  const langs = variantLangs(variant)
  const both = (pick: (lang: Lang) => string, join = '\n\n') => langs.map((lang) => pick(lang)).join(join)
  const style = `${fonts}\nsection { font-family: 'Noto Sans TC', 'Noto Emoji', sans-serif; }\nsection :lang(en) { font-family: 'Noto Sans', 'Noto Sans TC', sans-serif; }`
  const slides = [
    `# ${both((lang) => plain(content.title[lang]), ' / ')}\n\n${both((lang) => plain(content.lede.headline[lang]))}\n\n<!--\n${both((lang) => noteText(content.lede.detail[lang].text))}\n-->`,
    ...content.sections.map(
      (section) =>
        `## ${both((lang) => plain(section.heading[lang].text), ' / ')}\n\n${section.points.map((point) => `- ${both((lang) => plain(point.headline[lang]), ' / ')}`).join('\n')}\n\n<!--\n${section.points.map((point) => both((lang) => noteText(point.detail[lang].text))).join('\n\n')}\n-->`,
    ),
  ]
  const htmlLang = langs[0] === 'en' ? 'en' : 'zh-Hant'
  return `---\nmarp: true\nlang: ${htmlLang}\nsize: 16:9\nstyle: |\n${style.split('\n').map((line) => `  ${line}`).join('\n')}\n---\n\n${slides.join('\n\n---\n\n')}\n`
}

/** Writes the shipped brief's decks (`decks` of zh-Hant, en, bilingual) as Marp Markdown into `dir`. */
export async function writeMarpDecks(dir: string, decks: readonly Variant[] = VARIANTS): Promise<string[]> {
  const result = buildDecks({
    briefFile: DEFAULT_BRIEF,
    briefBytes: await readFile(DEFAULT_BRIEF),
    extras: { file: extrasPathFor(DEFAULT_BRIEF), text: await readFile(extrasPathFor(DEFAULT_BRIEF), 'utf8') },
    source: 'content/regime-security.txt',
    addonPath: '..',
    normalizePunctuation: true,
  })
  if (!result.ok) throw new Error('bench: the shipped brief did not build')
  await rm(dir, { recursive: true, force: true })
  await mkdir(dir, { recursive: true })
  const fonts = await fontFaces()
  return Promise.all(
    decks.map(async (variant) => {
      const file = path.join(dir, `${variant}.md`)
      await writeFile(file, marpDeck(result.content, variant, fonts))
      return file
    }),
  )
}

/** One Marp CLI call printing every Marp deck of `dir` as a PDF into `out`, in `browser`. */
export function marpPdfs(dir: string, out: string, browser: string): Run {
  return {
    command: process.execPath,
    args: [MARP_BIN, '--pdf', '--allow-local-files', '--browser', 'chrome', '--browser-path', browser, '--input-dir', dir, '--output', out],
  }
}

/** One Marp CLI call writing every Marp deck of `dir` as one HTML file each into `out` (its own one-file format). */
export function marpHtml(dir: string, out: string): Run {
  return { command: process.execPath, args: [MARP_BIN, '--allow-local-files', '--input-dir', dir, '--output', out] }
}
