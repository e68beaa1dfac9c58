import { defineVitePluginsSetup } from '@slidev/types'
import { briefdeckPlugin } from '../scripts/present/slidev-plugin.ts'

// Every deck: a read-only dev server, no editors, readable presenter notes.
export default defineVitePluginsSetup(() => [briefdeckPlugin()])
