import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { build, type Plugin } from 'esbuild'
import type { Component } from 'vue'
import { compileScript, parse } from 'vue/compiler-sfc'
import { PROJECT_ROOT } from '../project.ts'

const COMPONENTS_DIR = path.join(PROJECT_ROOT, 'components')

/**
 * The project's own Vue components (`components/NAME.vue`), compiled as
 * Slidev's Vite compiles them, for rendering on the server: the print page
 * shows the very components the presented slides show, not a copy.
 */
export function loadComponents(names: string[]): Promise<Record<string, Component>> {
  const key = names.join(',')
  let loading = loaded.get(key)
  if (!loading) loaded.set(key, (loading = compileComponents(names)))
  return loading
}

/** Compiled once a process for each set of names (every deck of an export uses the same). */
const loaded = new Map<string, Promise<Record<string, Component>>>()

async function compileComponents(names: string[]): Promise<Record<string, Component>> {
  const entry = names.map((name) => `export { default as ${name} } from ${JSON.stringify(path.join(COMPONENTS_DIR, `${name}.vue`))}`).join('\n')
  const result = await build({
    stdin: { contents: entry, resolveDir: COMPONENTS_DIR, loader: 'js' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    plugins: [sameVue, vueFiles],
    logLevel: 'silent',
  })
  // Loaded from memory: nothing is written, so nothing is left behind.
  const code = Buffer.from(result.outputFiles[0]!.text).toString('base64')
  return (await import(`data:text/javascript;base64,${code}`)) as Record<string, Component>
}

/** One Vue for the components and the server renderer: the compiled module imports the installed Vue by its file URL (a module loaded from memory cannot resolve a package name). */
const sameVue: Plugin = {
  name: 'same-vue',
  setup(build) {
    const vue = pathToFileURL(createRequire(import.meta.url).resolve('vue')).href
    build.onResolve({ filter: /^vue$/ }, () => ({ path: vue, external: true }))
  },
}

/** Single-file components, script and template compiled together (`<script setup>` with its template inlined). */
const vueFiles: Plugin = {
  name: 'vue-sfc',
  setup(build) {
    build.onLoad({ filter: /\.vue$/ }, async (args) => {
      const { descriptor, errors } = parse(await readFile(args.path, 'utf8'), { filename: args.path })
      if (errors.length > 0) return { errors: errors.map((error) => ({ text: String(error) })) }
      const id = createHash('sha256').update(path.relative(PROJECT_ROOT, args.path)).digest('hex').slice(0, 8)
      const script = compileScript(descriptor, { id, inlineTemplate: true })
      return { contents: script.content, loader: 'ts', resolveDir: path.dirname(args.path) }
    })
  },
}
