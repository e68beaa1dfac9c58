import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { main as exportMain } from '../../scripts/cli/export.ts'
import { runBuildCli } from '../support/build.ts'
import { readDeck, type ReadSlide } from '../support/deck-reader.ts'
import { projectTempDir } from '../support/tmp.ts'
import { readPdf, squash } from './read-pdf.ts'

/**
 * The presenter's lines, as the decks word them (scripts/deck/labels.ts), written out here: a
 * slide's budget, where its text stands in the brief, the slot and the expected speaking time.
 */
const SPEAKER_LINES = {
  en: [/This slide: \d+:\d\d; \d+:\d\d elapsed at its end/, /Source: \S+\.txt, lines? \d/, /Expected speaking time: about \d+:\d\d; slot \d+:\d\d/],
  'zh-Hant': [/本頁時間 \d+:\d\d，本頁結束時累計 \d+:\d\d/, /來源：\S+\.txt 第 \d/, /預計講述時間：約 \d+:\d\d；時段 \d+:\d\d/],
}
const squashed = (pattern: RegExp) => new RegExp(pattern.source.replaceAll(' ', ''))

describe('handouts: for the audience by default, for the speaker with --speaker', () => {
  let slides: ReadSlide[]
  const pages: Record<'audience' | 'speaker', string[]> = { audience: [], speaker: [] }
  beforeAll(async () => {
    const tmp = await projectTempDir('handout-audience')
    const decks = path.join(tmp, 'decks')
    expect((await runBuildCli(['--out', decks, '--minutes', '10'])).code).toBe(0)
    slides = await readDeck(await readFile(path.join(decks, 'bilingual.md'), 'utf8'))
    // The audience's first, then the speaker's from the same deck: the second may not reuse the first.
    for (const kind of ['audience', 'speaker'] as const) {
      const printed: string[] = []
      const record = (line: string) => printed.push(line)
      const out = path.join(tmp, kind)
      const args = ['--decks', decks, '--deck', 'bilingual', '--format', 'handout', '--out', out, ...(kind === 'speaker' ? ['--speaker'] : [])]
      expect(await exportMain(args, { out: record, err: record }), printed.join('\n')).toBe(0)
      pages[kind] = (await readPdf(path.join(out, 'decks-bilingual-handout.pdf'))).pageTexts.map(squash)
    }
  }, 600_000)

  it('shows each slide and its notes, and none of the timing and source lines', () => {
    const text = pages.audience.join('')
    for (const pattern of [...SPEAKER_LINES.en, ...SPEAKER_LINES['zh-Hant']]) expect(text).not.toMatch(squashed(pattern))
    // What the audience is given is all there: every note paragraph of both languages.
    for (const slide of slides) for (const paragraph of [...slide.notes['zh-Hant'], ...slide.notes.en]) expect(text).toContain(squash(paragraph))
  })

  it('adds them with --speaker: each slide its budget and source lines, the first page the slot', () => {
    expect(pages.speaker[0]).toMatch(squashed(SPEAKER_LINES.en[2]!))
    expect(pages.speaker[0]).toMatch(squashed(SPEAKER_LINES['zh-Hant'][2]!))
    const text = pages.speaker.join('')
    for (const pattern of [...SPEAKER_LINES.en, ...SPEAKER_LINES['zh-Hant']]) expect(text).toMatch(squashed(pattern))
    // One budget line a slide in each language.
    expect(text.match(/Thisslide:/g)).toHaveLength(slides.length)
    expect(text.match(/本頁時間/g)).toHaveLength(slides.length)
    expect(text).toContain('slot10:00')
  })
})
