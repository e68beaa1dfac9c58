import { copyFile, mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { PROJECT_ROOT } from '../project.ts'

/** The faces the index sets its text in: the decks' own, from the same npm packages. */
const FACES = [
  { family: 'noto-sans-tc', weights: [400, 700] },
  { family: 'noto-sans', weights: [400, 700] },
] as const

/** The site's folder for them. */
export const FONTS_FOLDER = 'fonts'

/**
 * Copies the index's font files into the site (`fonts/`) and returns the
 * @font-face rules that name them, relative to the index. Each face comes
 * split by Unicode range: a browser fetches only the parts its text uses.
 * Only the WOFF2 files are copied and named: every browser that runs the
 * decks reads WOFF2, and a rule naming a file the site lacks would be a
 * broken link.
 */
export async function copyIndexFonts(siteDir: string): Promise<string> {
  const rules: string[] = []
  for (const { family, weights } of FACES) {
    const packageDir = path.join(PROJECT_ROOT, 'node_modules', '@fontsource', family)
    const target = path.join(siteDir, FONTS_FOLDER, family)
    await mkdir(target, { recursive: true })
    for (const weight of weights) {
      const css = await readFile(path.join(packageDir, `${weight}.css`), 'utf8')
      for (const rule of css.match(/@font-face\s*{[^}]*}/g) ?? []) {
        const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(rule)?.[1]
        if (!file) continue
        await copyFile(path.join(packageDir, 'files', file), path.join(target, file))
        rules.push(rule.replace(/src:[^;]*;/, `src: url(${FONTS_FOLDER}/${family}/${file}) format('woff2');`))
      }
    }
  }
  return rules.join('\n')
}
