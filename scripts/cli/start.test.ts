import { describe, expect, it } from 'vitest'
import { START_USAGE } from './start-usage.ts'
import { DEFAULT_PORT, main, parseStartArgs, presentingUrls } from './start.ts'
import { UserError } from '../io/user-error.ts'

describe('parseStartArgs', () => {
  it('presents the bilingual deck on Slidev’s usual port by default', () => {
    expect(parseStartArgs([])).toEqual({ deck: 'bilingual', port: DEFAULT_PORT })
  })

  it('takes --deck and --port', () => {
    expect(parseStartArgs(['--deck', 'zh-Hant', '--port', '4000'])).toEqual({ deck: 'zh-Hant', port: 4000 })
    expect(parseStartArgs(['--deck=en'])).toEqual({ deck: 'en', port: DEFAULT_PORT })
  })

  it('takes the slot in minutes with --minutes', () => {
    expect(parseStartArgs(['--minutes', '10'])).toEqual({ deck: 'bilingual', port: DEFAULT_PORT, minutes: 10 })
    expect(parseStartArgs(['--minutes=7.5'])).toMatchObject({ minutes: 7.5 })
  })

  it('takes the name of a briefing', () => {
    expect(parseStartArgs(['regime-security', '--deck', 'en'])).toEqual({ deck: 'en', port: DEFAULT_PORT, name: 'regime-security' })
  })

  it('takes --lan, and --host only with it', () => {
    expect(parseStartArgs(['--lan'])).toEqual({ deck: 'bilingual', port: DEFAULT_PORT, lan: {} })
    expect(parseStartArgs(['--lan', '--host', '192.168.1.5'])).toEqual({ deck: 'bilingual', port: DEFAULT_PORT, lan: { host: '192.168.1.5' } })
    expect(() => parseStartArgs(['--host', '192.168.1.5'])).toThrow(/--host only applies with --lan/)
    expect(parseStartArgs(['--lan', '--plain-http'])).toEqual({ deck: 'bilingual', port: DEFAULT_PORT, lan: { plainHttp: true } })
    expect(() => parseStartArgs(['--plain-http'])).toThrow(/--plain-http only applies with --lan/)
  })

  it('answers --help and -h with the usage text', () => {
    expect(parseStartArgs(['--help'])).toBe('help')
    expect(parseStartArgs(['-h'])).toBe('help')
  })

  it.each([
    [['--deck', 'zh'], /--deck zh: choose one of zh-Hant, en, bilingual/],
    [['--port', 'http'], /--port http: give a port number from 1024 to 65535/],
    [['--port', '80'], /--port 80/],
    [['--port', '70000'], /--port 70000/],
    [['--port', '3.5'], /--port 3.5/],
    [['--remote'], /Unknown option '--remote'/],
    [['--minutes', 'ten'], /--minutes ten: give the slot in minutes, a number above 0 and at most 600 .*\n.*npm start -- --help/],
    [['--minutes', '0'], /--minutes 0: give the slot in minutes/],
    [['slides/en.md'], /slides\/en\.md is not the name of a briefing/],
    [['a', 'b'], /one briefing at a time/],
    [['a', '--brief', 'x.txt'], /not both/],
  ])('refuses %j with a message saying what to do', (argv, message) => {
    expect(() => parseStartArgs(argv)).toThrow(UserError)
    expect(() => parseStartArgs(argv)).toThrow(message)
  })
})

describe('presentingUrls', () => {
  it('names the audience view and the presenter view of the first slide', () => {
    expect(presentingUrls('http://localhost:3030')).toEqual({
      audience: 'http://localhost:3030/',
      presenter: 'http://localhost:3030/presenter/1',
    })
  })
})

describe('main', () => {
  it('prints the usage for --help and starts nothing', async () => {
    const lines: string[] = []
    const never = () => new Promise<void>(() => {})
    expect(await main(['--help'], { out: (l) => lines.push(l), err: (l) => lines.push(l) }, never)).toBe(0)
    expect(lines).toEqual([START_USAGE])
    expect(START_USAGE).toMatch(/--deck DECK .*bilingual \(default\), en or zh-Hant/)
  })

  it('exits with 2 and one message for a wrong option', async () => {
    const lines: string[] = []
    const never = () => new Promise<void>(() => {})
    expect(await main(['--deck', 'fr'], { out: (l) => lines.push(l), err: (l) => lines.push(l) }, never)).toBe(2)
    expect(lines).toHaveLength(1)
  })
})
