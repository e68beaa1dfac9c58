import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { decodeHTML } from 'entities'
import { beforeAll, describe, expect, it } from 'vitest'
import { main as exportMain } from '../../scripts/cli/export.ts'
import { runBuildCli } from '../support/build.ts'
import { readDeck, type ReadSlide } from '../support/deck-reader.ts'
import { projectTempDir } from '../support/tmp.ts'
import { readPdf, squash, type PdfFacts } from './read-pdf.ts'
import { shownNotes } from './handout-rules.ts'
import { readShownText } from './shown-text.ts'

const HAN = /\p{Script=Han}/u

describe('exporting the bilingual deck showing English only (--show en)', () => {
  let slides: ReadSlide[]
  let pdf: PdfFacts
  /** What each page of the slide PDF shows a reader. */
  let shown: string[]
  let handout: PdfFacts
  /** What each handout page shows a reader below its slide's picture. */
  let handoutNotes: string[]
  let printed: string[]
  beforeAll(async () => {
    const tmp = await projectTempDir('show')
    const decks = path.join(tmp, 'decks')
    expect((await runBuildCli(['--out', decks])).code).toBe(0)
    printed = []
    const record = (line: string) => printed.push(line)
    const code = await exportMain(
      ['--decks', decks, '--deck', 'bilingual', '--show', 'en', '--format', 'pdf,handout', '--out', path.join(tmp, 'out')],
      { out: record, err: record },
    )
    expect(code, printed.join('\n')).toBe(0)
    slides = await readDeck(await readFile(path.join(decks, 'bilingual.md'), 'utf8'))
    pdf = await readPdf(path.join(tmp, 'out', 'decks-bilingual-en.pdf'))
    shown = await readShownText(path.join(tmp, 'out', 'decks-bilingual-en.pdf'))
    handout = await readPdf(path.join(tmp, 'out', 'decks-bilingual-en-handout.pdf'))
    handoutNotes = await shownNotes(path.join(tmp, 'out', 'decks-bilingual-en-handout.pdf'), slides)
  }, 600_000)

  it('prints every English headline on its slide and no Chinese anywhere, tagged /Lang en', () => {
    expect(pdf.pages).toBe(slides.length)
    expect(pdf.lang).toBe('en')
    // No Chinese in any text of the PDF, seen or not; every headline where a reader sees it.
    expect(pdf.pageTexts.join('')).not.toMatch(HAN)
    slides.forEach((slide, i) => {
      for (const text of slide.shown.en) expect(squash(shown[i] ?? ''), `slide ${i + 1}`).toContain(squash(text))
    })
    for (const entry of pdf.outline) expect(entry).not.toMatch(HAN)
  })

  it('hands out the English notes only, drawn below each picture', () => {
    // No Chinese in any text of the handout, seen or not; every English note where a reader sees the notes.
    expect(handout.pageTexts.join('')).not.toMatch(HAN)
    const text = squash(handoutNotes.join(''))
    for (const slide of slides) for (const note of slide.notes.en) expect(text).toContain(squash(decodeHTML(note)))
  })
})

describe('--show with a single-language deck', () => {
  it('is refused with what to do', async () => {
    const lines: string[] = []
    const code = await exportMain(['--deck', 'en', '--show', 'en'], { out: (l) => lines.push(l), err: (l) => lines.push(l) })
    expect(code).toBe(2)
    expect(lines.join('\n')).toMatch(/--show .* --deck bilingual/)
  })
})
