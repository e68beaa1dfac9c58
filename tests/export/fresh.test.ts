import { createHash } from 'node:crypto'
import { copyFile, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main as exportMain } from '../../scripts/cli/export.ts'
import { DEFAULT_BRIEF, DEFAULT_DECKS, extrasPathFor } from '../../scripts/project.ts'
import { projectTempDir } from '../support/tmp.ts'
import type { PNG } from 'pngjs'
import { runBuildCli } from '../support/build.ts'
import { renderPdfPages } from './compare-images.ts'
import { shownNotes } from './handout-rules.ts'
import { readPdf, squash, type PdfFacts } from './read-pdf.ts'
import { readShownText } from './shown-text.ts'

const OLD_HEADING = 'Security in All Aspects'
const NEW_HEADING = 'Security Above Everything Else'

interface Run {
  code: number
  lines: string[]
  pdf: PdfFacts
  /** What each page of the slide PDF shows a reader. */
  shown: string[]
  handout: PdfFacts
  /** What each handout page shows a reader below its slide's picture. */
  handoutNotes: string[]
}

let tmp: string
let brief: string
let slidesBefore: string
const runs: Run[] = []

/** Every file of slides/ and its bytes, as one hash. */
async function hashSlides(): Promise<string> {
  const hash = createHash('sha256')
  for (const name of (await readdir(DEFAULT_DECKS)).filter((name) => name.endsWith('.md')).sort()) {
    hash.update(name).update(await readFile(path.join(DEFAULT_DECKS, name)))
  }
  return hash.digest('hex')
}

/** `npm run export -- --brief BRIEF --deck en --format pdf,handout` into a folder of its own. */
async function exportBrief(...extra: string[]): Promise<Run> {
  const out = path.join(tmp, `out-${runs.length + 1}`)
  const lines: string[] = []
  const code = await exportMain(['--brief', brief, '--deck', 'en', '--format', 'pdf,handout', '--out', out, ...extra], {
    out: (line) => lines.push(line),
    err: (line) => lines.push(line),
  })
  if (code !== 0) throw new Error(`export failed (${code}):\n${lines.join('\n')}`)
  const run = {
    code,
    lines,
    pdf: await readPdf(path.join(out, 'brief-en.pdf')),
    shown: await readShownText(path.join(out, 'brief-en.pdf')),
    handout: await readPdf(path.join(out, 'brief-en-handout.pdf')),
    handoutNotes: await shownNotes(path.join(out, 'brief-en-handout.pdf')),
  }
  runs.push(run)
  return run
}

beforeAll(async () => {
  tmp = await projectTempDir('fresh')
  brief = path.join(tmp, 'brief.txt')
  await copyFile(DEFAULT_BRIEF, brief)
  await copyFile(extrasPathFor(DEFAULT_BRIEF), extrasPathFor(brief))
  slidesBefore = await hashSlides()
  await exportBrief()
  // Edit the brief and export again, with no build in between.
  const text = await readFile(brief, 'utf8')
  expect(text).toContain(`\n${OLD_HEADING}\n`)
  await writeFile(brief, text.replace(`\n${OLD_HEADING}\n`, `\n${NEW_HEADING}\n`))
  await exportBrief()
  await exportBrief()
  await exportBrief('--no-cache')
}, 900_000)

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true })
})

const copied = (run: Run) => run.lines.filter((line) => /wrote .*\(unchanged since the last export, copied\)$/.test(line))

describe('npm run export -- --brief FILE', () => {
  it('exports what the brief says now: an edited heading is in the next export, with no build in between', () => {
    const [before, after] = runs
    // Drawn where a reader sees it; the old heading in no text at all, seen or not.
    expect(squash(before!.shown[2]!)).toContain(squash(OLD_HEADING))
    expect(squash(after!.shown[2]!)).toContain(squash(NEW_HEADING))
    expect(squash(after!.pdf.pageTexts.join(''))).not.toContain(squash(OLD_HEADING))
    expect(squash(after!.handout.pageTexts.join(''))).not.toContain(squash(OLD_HEADING))
    expect(squash(after!.handoutNotes.join(''))).toContain(squash(NEW_HEADING))
  })

  it('reuses the files when nothing changed, and makes them afresh with --no-cache', () => {
    expect(copied(runs[2]!)).toHaveLength(2)
    expect(copied(runs[3]!)).toEqual([])
    // The edited brief's files were made, not copied from the first export's.
    expect(copied(runs[1]!)).toEqual([])
  })

  it('gives the same pages and the same text when made afresh as when reused (deterministic)', () => {
    const [, second, third, fresh] = runs
    for (const run of [third!, fresh!]) {
      expect(run.pdf.pages).toBe(second!.pdf.pages)
      expect(run.pdf.pageTexts).toEqual(second!.pdf.pageTexts)
      expect(run.pdf.outline).toEqual(second!.pdf.outline)
      expect(run.handout.pages).toBe(second!.handout.pages)
      expect(run.handout.pageTexts).toEqual(second!.handout.pageTexts)
    }
  })

  it('makes the files afresh when a style changes, and the pages show the new style', async () => {
    const decks = path.join(tmp, 'decks')
    const built = await runBuildCli(['--out', decks, '--brief', brief])
    expect(built.code, built.stderr).toBe(0)
    const exportDecks = async () => {
      const lines: string[] = []
      const out = path.join(tmp, 'styled')
      const code = await exportMain(['--decks', decks, '--deck', 'en', '--format', 'pdf', '--out', out], { out: (line) => lines.push(line), err: (line) => lines.push(line) })
      expect(code, lines.join('\n')).toBe(0)
      return { lines, pages: await renderPdfPages(path.join(out, 'decks-en.pdf'), 980, 552) }
    }
    const greenPixels = (image: PNG) => {
      let count = 0
      for (let i = 0; i < image.data.length; i += 4) if (image.data[i]! < 40 && image.data[i + 1]! > 100 && image.data[i + 2]! < 40) count++
      return count
    }
    await exportDecks()
    const unchanged = await exportDecks()
    expect(unchanged.lines.filter((line) => /copied\)$/.test(line))).toHaveLength(1)
    expect(greenPixels(unchanged.pages[2]!)).toBe(0)
    // A stylesheet in the decks' folder is one of Slidev's style roots: it reaches the slides, so it must reach the export.
    await writeFile(path.join(decks, 'style.css'), '.slidev-layout .deck-section-heading { color: rgb(0, 160, 0); }\n')
    const styled = await exportDecks()
    expect(styled.lines.join('\n')).not.toMatch(/copied/)
    expect(greenPixels(styled.pages[2]!)).toBeGreaterThan(500)
  }, 300_000)

  it('leaves slides/ as it was', async () => {
    expect(await hashSlides()).toBe(slidesBefore)
  })
})
