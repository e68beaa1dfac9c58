import { describe, expect, it } from 'vitest'
import { main, parseExportArgs } from '../../scripts/cli/export.ts'
import { EXPORT_USAGE, SITE_USAGE } from '../../scripts/cli/export-usage.ts'
import { main as siteMain, parseSiteArgs } from '../../scripts/cli/site.ts'

function capture() {
  const out: string[] = []
  const err: string[] = []
  return { out, err, output: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) } }
}

describe('npm run export options', () => {
  it('exports every deck in every format by default', () => {
    expect(parseExportArgs([])).toMatchObject({ decks: ['zh-Hant', 'en', 'bilingual'], formats: ['pdf', 'handout', 'pptx'] })
  })

  it('takes decks and formats repeated or as comma lists, in a fixed order', () => {
    expect(parseExportArgs(['--deck', 'bilingual,en', '--format', 'pptx', '--format', 'pdf'])).toMatchObject({
      decks: ['en', 'bilingual'],
      formats: ['pdf', 'pptx'],
    })
  })

  it('refuses an unknown deck or format with exit code 2, naming the choices', async () => {
    for (const args of [['--deck', 'fr'], ['--format', 'png'], ['--nope']]) {
      const { err, output } = capture()
      expect(await main(args, output)).toBe(2)
      expect(err.join('\n')).toMatch(/npm run export -- --help/)
    }
  })

  it('explains itself with --help', async () => {
    const { out, output } = capture()
    expect(await main(['--help'], output)).toBe(0)
    expect(out).toEqual([EXPORT_USAGE])
  })

  it('says to build first when a deck is missing', async () => {
    const { err, output } = capture()
    expect(await main(['--decks', 'tests/.tmp/no-such-folder'], output)).toBe(2)
    expect(err.join('\n')).toMatch(/No deck at .*zh-Hant\.md: run `npm run build` first/)
  })
})

describe('npm run site options', () => {
  it('builds every deck with notes by default, without them with --public', () => {
    expect(parseSiteArgs([])).toMatchObject({ decks: ['zh-Hant', 'en', 'bilingual'], public: false })
    expect(parseSiteArgs(['--public', '--deck', 'en'])).toMatchObject({ decks: ['en'], public: true })
  })

  it('explains itself with --help', async () => {
    const { out, output } = capture()
    expect(await siteMain(['--help'], output)).toBe(0)
    expect(out).toEqual([SITE_USAGE])
  })
})
