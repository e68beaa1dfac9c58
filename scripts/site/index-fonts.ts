import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { PROJECT_ROOT } from '../project.ts'
import { SHARED_ASSETS } from './site-assets.ts'

/** The faces the index sets its text in: the decks' own, from the same npm packages. */
const FACES = [
  { family: 'noto-sans-tc', weights: [400, 700] },
  { family: 'noto-sans', weights: [400, 700] },
] as const

/**
 * Returns the @font-face rules of the index, naming the font files the decks
 * already put in the site's `shared.assets/` (Vite's copy of a package file
 * `NAME.woff2` is `NAME-HASH.woff2`): the index adds no font bytes of its
 * own. A file no deck brought is copied there under its package name. Each
 * face comes split by Unicode range: a browser fetches only the parts its
 * text uses. WOFF2 only, as in the decks.
 */
export async function indexFontFaces(siteDir: string): Promise<string> {
  const shared = path.join(siteDir, SHARED_ASSETS)
  await mkdir(shared, { recursive: true })
  const present = await readdir(shared)
  const rules: string[] = []
  for (const { family, weights } of FACES) {
    const packageDir = path.join(PROJECT_ROOT, 'node_modules', '@fontsource', family)
    for (const weight of weights) {
      const css = await readFile(path.join(packageDir, `${weight}.css`), 'utf8')
      for (const rule of css.match(/@font-face\s*{[^}]*}/g) ?? []) {
        const file = /url\(\.\/files\/([^)]+)\.woff2\)/.exec(rule)?.[1]
        if (!file) continue
        let name = present.find((candidate) => candidate.startsWith(`${file}-`) && /^[\w-]{8}\.woff2$/.test(candidate.slice(file.length + 1)))
        if (!name) {
          name = `${file}.woff2`
          await copyFile(path.join(packageDir, 'files', name), path.join(shared, name))
        }
        rules.push(rule.replace(/src:[^;]*;/, `src: url(${SHARED_ASSETS}/${name}) format('woff2');`))
      }
    }
  }
  return rules.join('\n')
}
