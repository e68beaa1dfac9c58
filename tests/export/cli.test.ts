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
    expect(parseExportArgs([])).toMatchObject({ decks: ['zh-Hant', 'en', 'bilingual'], formats: ['pdf', 'handout', 'pptx', 'html'] })
  })

  it("makes the speaker's script only when asked for (--format script)", () => {
    expect(parseExportArgs(['--format', 'script'])).toMatchObject({ formats: ['script'] })
    expect(parseExportArgs(['--format', 'handout,script,pdf'])).toMatchObject({ formats: ['pdf', 'handout', 'script'] })
  })

  it('takes decks and formats repeated or as comma lists, in a fixed order', () => {
    expect(parseExportArgs(['--deck', 'bilingual,en', '--format', 'pptx', '--format', 'pdf'])).toMatchObject({
      decks: ['en', 'bilingual'],
      formats: ['pdf', 'pptx'],
    })
  })

  it('refuses an unknown deck or format with exit code 2, naming the choices', async () => {
    // The decks and formats the README lists: each must be named, so the user can pick one.
    for (const [args, choices] of [
      [['--deck', 'fr'], ['zh-Hant', 'en', 'bilingual']],
      [['--format', 'png'], ['pdf', 'handout', 'pptx', 'html']],
    ] as const) {
      const { out, err, output } = capture()
      expect(await main([...args], output)).toBe(2)
      const message = err.join('\n')
      expect(message).toContain(`${args.join(' ')}:`)
      expect(message).toMatch(new RegExp(`choose from ${choices.join(', ')}\\b`))
      expect(message).toMatch(/npm run export -- --help/)
      expect(out).toEqual([])
    }
  })

  it('refuses an unknown option with exit code 2, naming it and pointing to --help', async () => {
    const { out, err, output } = capture()
    expect(await main(['--nope'], output)).toBe(2)
    expect(err.join('\n')).toMatch(/^Unknown option '--nope'\nRun `npm run export -- --help` for the options\.$/)
    expect(out).toEqual([])
  })

  it('explains itself with --help', async () => {
    const { out, output } = capture()
    expect(await main(['--help'], output)).toBe(0)
    expect(out).toEqual([EXPORT_USAGE])
  })

  it('says where decks are missing when --decks names a folder without them', async () => {
    const { err, output } = capture()
    expect(await main(['--decks', 'tests/.tmp/no-such-folder'], output)).toBe(2)
    expect(err.join('\n')).toMatch(/No deck at .*zh-Hant\.md: point --decks at the folder/)
  })

  it('takes --public for the one-file decks to hand out', () => {
    expect(parseExportArgs(['--format', 'html', '--public'])).toMatchObject({ formats: ['html'], public: true })
    expect(parseExportArgs(['--format', 'html'])).not.toHaveProperty('public')
  })

  it('takes --show alone to mean the bilingual deck', () => {
    expect(parseExportArgs(['--show', 'en'])).toMatchObject({ decks: ['bilingual'], show: 'en' })
  })

  it('builds from the briefings named (none: the only one), from --brief when given, and takes --decks as they are', () => {
    expect(parseExportArgs([])).toMatchObject({ source: { names: [] }, noCache: false })
    expect(parseExportArgs(['alpha', 'beta', '--deck', 'en'])).toMatchObject({ source: { names: ['alpha', 'beta'] }, decks: ['en'] })
    expect(parseExportArgs(['--brief', 'content/x.txt', '--no-cache'])).toMatchObject({ source: { shipped: false }, noCache: true })
    expect(parseExportArgs(['--decks', 'slides'])).toMatchObject({ source: { decksDir: expect.stringMatching(/slides$/) } })
  })

  it('refuses names with --brief, and a name no brief can have', async () => {
    const { err, output } = capture()
    expect(await main(['alpha', '--brief', 'content/regime-security.txt'], output)).toBe(2)
    expect(await main(['slides/en.md'], output)).toBe(2)
    expect(err).toEqual([expect.stringMatching(/Name briefings from content\/ or give --brief FILE, not both/), expect.stringMatching(/slides\/en\.md is not the name of a briefing/)])
  })

  it('refuses --brief with --decks', async () => {
    const { err, output } = capture()
    expect(await main(['--brief', 'content/regime-security.txt', '--decks', 'slides'], output)).toBe(2)
    expect(err.join('\n')).toMatch(/--brief and --decks exclude each other/)
  })

  it('says in one line, without a stack, that there is no Chromium', async () => {
    const { out, err, output } = capture()
    const saved = process.env.BRIEFDECK_CHROMIUM
    process.env.BRIEFDECK_CHROMIUM = '/no/such/chromium'
    try {
      expect(await main(['--decks', 'slides', '--out', 'tests/.tmp/no-chromium'], output)).toBe(1)
    } finally {
      if (saved === undefined) delete process.env.BRIEFDECK_CHROMIUM
      else process.env.BRIEFDECK_CHROMIUM = saved
    }
    expect(err).toEqual([expect.stringMatching(/^briefdeck: no Chromium found: run `npm run setup`/)])
    expect(err[0]).not.toMatch(/\n/)
    expect(out).toEqual([])
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

  it('takes --shard K/N, and refuses a malformed one or one with --brief or --decks, with exit code 2', async () => {
    expect(parseSiteArgs(['--shard', '2/4'])).toMatchObject({ shard: { index: 2, count: 4 } })
    for (const [args, message] of [
      [['--shard', '5/4'], /^--shard 5\/4: give K\/N/],
      [['--shard', 'two'], /^--shard two: give K\/N/],
      [['--shard', '1/2', '--brief', 'x.txt'], /^--shard splits the briefings of content\//],
    ] as const) {
      const { out, err, output } = capture()
      expect(await siteMain([...args], output)).toBe(2)
      expect(err.join('\n')).toMatch(message)
      expect(out).toEqual([])
    }
  })

  it('takes --assemble with the shard folders and --out only', async () => {
    expect(parseSiteArgs(['--assemble', 'a', 'b', '--out', 'site'])).toMatchObject({ assemble: [expect.stringMatching(/\/a$/), expect.stringMatching(/\/b$/)], out: expect.stringMatching(/\/site$/) })
    for (const [args, message] of [
      [['--assemble', 'a', '--public'], /^--assemble joins shards as they were built: --public belongs to each/],
      [['--assemble'], /^--assemble needs the folders the shards were built into/],
    ] as const) {
      const { err, output } = capture()
      expect(await siteMain([...args], output)).toBe(2)
      expect(err.join('\n')).toMatch(message)
    }
  })
})
