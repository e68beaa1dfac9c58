import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { findBrowser } from '../browser/find.ts'
import type { Variant } from '../deck/variant.ts'
import { PROJECT_ROOT } from '../project.ts'
import { SLIDEV_BIN, freePort } from '../slidev/server.ts'
import { marpHtml, marpPdfs, writeMarpDecks } from './marp.ts'
import type { Run } from './measure.ts'
import { syntheticBrief } from './synthetic.ts'

/** One line of the report: a command measured alone, or two taken in turn (A, B, A, B…) for a ratio. */
export interface Case {
  name: string
  /** What the figure is compared with, and the target, for the report. */
  target: string
  a: () => Promise<Run>
  b?: { label: string; run: () => Promise<Run> }
}

export interface CaseOptions {
  quick: boolean
  /** Scratch folder inside the project (decks must be inside it). */
  scratch: string
}

const NPM = 'npm'

export async function benchCases({ quick, scratch }: CaseOptions): Promise<Case[]> {
  await mkdir(scratch, { recursive: true })
  const synthetic = path.join(scratch, 'synthetic.txt')
  const [sections, points] = quick ? [5, 4] : [50, 20]
  await writeFile(synthetic, syntheticBrief(sections, points))
  const browser = findBrowser()?.executablePath ?? '/usr/bin/chromium'
  const decks: Variant[] = quick ? ['en'] : ['zh-Hant', 'en', 'bilingual']
  // The shipped brief has 2 sections of 4 points; the long one 30 (15 sections in quick mode).
  const longSections = quick ? 15 : 30
  const long = path.join(scratch, 'long.txt')
  await writeFile(long, syntheticBrief(longSections, 4))
  const exportArgs = (chosen: string[], extra: string[]) => ['--deck', chosen.join(','), '--format', 'pdf,handout', '--out', path.join(scratch, 'export'), ...extra]
  const exportRun = (chosen: string[], extra: string[]): Run => ({ command: NPM, args: ['run', '--silent', 'export', '--', ...exportArgs(chosen, extra)] })
  const plainExports = {
    label: `${decks.length} plain \`slidev export\` call(s) (slide PDFs only)`,
    run: async (): Promise<Run> => ({
      command: 'sh',
      args: [
        '-c',
        decks
          .map(
            (deck) =>
              `"${process.execPath}" "${SLIDEV_BIN}" export slides/regime-security/${deck}.md --timeout 300000 --executable-path "${browser}" --output "${path.join(scratch, 'slidev', deck)}.pdf" >/dev/null`,
          )
          .join(' && '),
      ],
    }),
  }

  // The one-file deck is packed from a static build: its yardstick is a plain `slidev build` of each deck.
  const plainBuilds = {
    label: `${decks.length} plain \`slidev build\` call(s), one a deck`,
    run: async (): Promise<Run> => ({
      command: 'sh',
      args: [
        '-c',
        decks
          .map(
            (deck) =>
              `"${process.execPath}" "${SLIDEV_BIN}" build slides/regime-security/${deck}.md --base ./ --router-mode hash --out "${path.join(scratch, 'slidev-build', deck)}" >/dev/null`,
          )
          .join(' && '),
      ],
    }),
  }
  const oneFileRun = (extra: string[]): Run => ({
    command: NPM,
    args: ['run', '--silent', 'export', '--', '--deck', decks.join(','), '--format', 'html', '--out', path.join(scratch, 'export-html'), ...extra],
  })

  const marpDecks = path.join(scratch, 'marp', 'decks')
  await writeMarpDecks(marpDecks, decks)

  return [
    {
      name: 'build: shipped brief → 3 decks (`npm run build`)',
      target: '< 300 ms wall as a whole process',
      a: async () => ({ command: NPM, args: ['run', '--silent', 'build', '--', '--out', path.join(scratch, 'shipped')] }),
    },
    {
      name: 'build: shipped brief → 3 decks (`node scripts/bin/build.mjs`, no npm)',
      target: '< 300 ms wall as a whole process',
      a: async () => ({ command: process.execPath, args: ['scripts/bin/build.mjs', '--out', path.join(scratch, 'shipped')] }),
    },
    {
      name: `build: synthetic brief of ${sections * points} bullets (${sections} × ${points}, both languages)`,
      target: '< 1 s wall',
      a: async () => ({
        command: process.execPath,
        args: ['scripts/bin/build.mjs', '--brief', synthetic, '--out', path.join(scratch, 'synthetic')],
      }),
    },
    {
      name: 'start: `npm start` until the presenter view answers',
      target: '≤ 1.1× a direct `slidev slides/regime-security/bilingual.md`',
      a: async () => {
        const port = await freePort()
        return { command: NPM, args: ['start', '--', '--port', String(port)], ready: answers(port, '/presenter/1') }
      },
      b: {
        label: '`slidev slides/regime-security/bilingual.md`',
        run: async () => {
          const port = await freePort()
          return {
            command: process.execPath,
            args: [SLIDEV_BIN, 'slides/regime-security/bilingual.md', '--port', String(port)],
            ready: answers(port, '/presenter/1'),
          }
        },
      },
    },
    ...['start', 'export', 'site', 'shots', 'bench', 'setup'].map(
      (command): Case => ({
        name: `start-up: \`npm run ${command} -- --help\` (whole process)`,
        target: '≤ 1.5× `npm run build -- --help`',
        a: async () => ({ command: NPM, args: ['run', '--silent', command, '--', '--help'] }),
        b: { label: '`npm run build -- --help`', run: async () => ({ command: NPM, args: ['run', '--silent', 'build', '--', '--help'] }) },
      }),
    ),
    {
      name: `export, cold: \`npm run export -- --no-cache\` of ${decks.length} deck(s), slide PDFs + handouts`,
      target: '≤ 0.125× the plain `slidev export` calls; peak memory ≤ 1.0× the highest `slidev export`',
      a: async () => exportRun(decks, ['--no-cache']),
      b: plainExports,
    },
    // Like for like: the plain `slidev export` calls are run by Node, without npm's ~0.3 s.
    ...(quick
      ? []
      : [
          {
            name: `export, cold: \`node scripts/bin/export.mjs --no-cache\` of ${decks.length} deck(s), slide PDFs + handouts (no npm)`,
            target: '≤ 0.125× the plain `slidev export` calls',
            a: async () => ({ command: process.execPath, args: ['scripts/bin/export.mjs', ...exportArgs(decks, ['--no-cache'])] }),
            b: plainExports,
          },
        ]),
    {
      name: `export, cold: \`npm run export -- --no-cache --format pdf\` of ${decks.length} deck(s), slide PDFs`,
      target: '≤ 1.0× Marp CLI printing the same decks',
      a: async () => ({
        command: NPM,
        args: ['run', '--silent', 'export', '--', '--deck', decks.join(','), '--format', 'pdf', '--out', path.join(scratch, 'export-pdf'), '--no-cache'],
      }),
      b: {
        label: `Marp CLI: the same ${decks.length} deck(s) as Marp Markdown → PDF, one call`,
        run: async () => marpPdfs(marpDecks, path.join(scratch, 'marp', 'pdf'), browser),
      },
    },
    {
      name: `export, warm: \`npm run export\` of ${decks.length} deck(s), slide PDFs + handouts, nothing changed`,
      target: '≤ 0.06× the plain `slidev export` calls',
      a: async () => exportRun(decks, []),
      b: plainExports,
    },
    {
      name: `one file, cold: \`npm run export -- --no-cache --format html\` of ${decks.length} deck(s)`,
      target: '≤ 1.0× the plain `slidev build` calls',
      a: async () => oneFileRun(['--no-cache']),
      b: plainBuilds,
    },
    {
      name: `one file, warm: \`npm run export -- --format html\` of ${decks.length} deck(s), nothing changed`,
      target: '≤ 0.1× the plain `slidev build` calls',
      a: async () => oneFileRun([]),
      b: plainBuilds,
    },
    {
      name: `one file, cold, against Marp CLI's one-file HTML of ${decks.length} deck(s)`,
      target: 'a peer (Marp embeds no fonts and has no presenter view to speak of)',
      a: async () => oneFileRun(['--no-cache']),
      b: {
        label: `Marp CLI: the same ${decks.length} deck(s) as Marp Markdown → HTML, one call`,
        run: async () => marpHtml(marpDecks, path.join(scratch, 'marp', 'html')),
      },
    },
    {
      name: `export, cold: a brief of ${longSections} sections (${longSections + 2} slides), ${decks.length} deck(s), slide PDFs + handouts`,
      target: '≤ 2× the shipped brief (the line below)',
      a: async () => exportRun(decks, ['--no-cache', '--brief', long]),
      b: { label: 'the shipped brief, cold', run: async () => exportRun(decks, ['--no-cache']) },
    },
  ]
}

/** Ready once `GET http://localhost:PORT/PATH` answers 200. */
function answers(port: number, pathname: string) {
  return async (signal: AbortSignal) => {
    while (!signal.aborted) {
      try {
        const response = await fetch(`http://localhost:${port}${pathname}`, { signal })
        if (response.ok) return
      } catch {
        // Not up yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
  }
}

export const SCRATCH = path.join(PROJECT_ROOT, '.tmp', 'bench')
