import path from 'node:path'
import { build } from 'esbuild'
import { PROJECT_ROOT } from '../project.ts'
import { FIT_ALL } from './print-origin.ts'

let script: Promise<string> | undefined

/**
 * The print page's only script: setup/fit-box.ts (the algorithm behind
 * components/DeckFit.vue), compiled for the browser, applied to every slide.
 */
export function fitScript(): Promise<string> {
  script ??= build({
    stdin: {
      contents: `import { fitBox } from './setup/fit-box.ts'\nglobalThis.${FIT_ALL} = () => document.querySelectorAll('.deck-fit').forEach(fitBox)`,
      resolveDir: PROJECT_ROOT,
      sourcefile: path.join(PROJECT_ROOT, 'print-fit.js'),
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]!.text)
  return script
}
