import { readFile, writeFile, copyFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import type { Lang } from '../../scripts/brief/model.ts'
import { VARIANTS, variantLangs, type Variant } from '../../scripts/deck/variant.ts'
import { DEFAULT_BRIEF, existingExtras } from '../../scripts/project.ts'
import { planFromSlides, type PacingPlan, type SlidePacing } from '../../scripts/timing/pace.ts'
import { runBuildCli } from '../support/build.ts'
import { readDeck } from '../support/deck-reader.ts'
import { secondsToSay } from '../support/speaking-time.ts'
import { projectTempDir } from '../support/tmp.ts'

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)

/** Each deck's plan, read back from its slides' frontmatter as the presenter view reads it. */
async function built(out: string) {
  const decks = {} as Record<Variant, { pacing: PacingPlan; headmatter: Record<string, unknown>; notes: string[] }>
  for (const variant of VARIANTS) {
    const slides = await readDeck(await readFile(path.join(out, `${variant}.md`), 'utf8'))
    const pacing = planFromSlides(slides.map((slide) => slide.frontmatter.pacing as SlidePacing | undefined))
    if (!pacing) throw new Error(`${variant}: a slide after the title carries no pacing`)
    expect(slides[0]!.frontmatter.pacing, 'the title slide needs no pacing: its budget is the next slide\'s start').toBeUndefined()
    // Each slide starts where the plan before it ends.
    slides.slice(1).forEach((slide, i) =>
      expect((slide.frontmatter.pacing as SlidePacing).start, `${variant} slide ${i + 2}`).toBe(sum(pacing.steps.slice(0, i + 1).flat())),
    )
    decks[variant] = { pacing, headmatter: slides[0]!.frontmatter, notes: slides.map((s) => s.note) }
  }
  return decks
}

/** Seconds to say each slide of the shipped brief's decks, reckoned by the tests from the brief and its extras. */
async function secondsToSayShipped(langs: Lang[]): Promise<number[]> {
  const extras = parseYaml(await readFile(existingExtras(DEFAULT_BRIEF)!, 'utf8')) as Parameters<typeof secondsToSay>[1]
  return secondsToSay(await readFile(DEFAULT_BRIEF, 'utf8'), extras, langs)
}

const TIME_LINE = /<p class="deck-note-time" lang="en">This slide: (\d+):(\d\d); (\d+):(\d\d) elapsed at its end<\/p>/

describe('a slot: npm run build -- --minutes N', () => {
  it('warns in one line when the notes need clearly more than the slot, and still builds decks that fit it', async () => {
    const out = await projectTempDir('slot-1')
    const result = await runBuildCli(['--out', out, '--minutes', '1'])
    expect(result.code, result.stderr).toBe(0)
    const warning = result.stderr.split('\n').filter((line) => line.includes('slot'))
    expect(warning).toHaveLength(1)
    expect(warning[0]).toMatch(
      /^briefdeck: the notes need about \d+:\d\d \(zh-Hant\), \d+:\d\d \(en\), \d+:\d\d \(bilingual\) to say, over the 1:00 slot; most words on slides \d, \d, \d\. .*--minutes/,
    )
    const decks = await built(out)
    for (const variant of VARIANTS) {
      expect(decks[variant].headmatter.duration).toBe(60)
      expect(decks[variant].pacing.slot).toBe(60)
      expect(sum(decks[variant].pacing.steps.flat()), variant).toBe(60)
    }
  })

  it('gives each note its slide\'s budget and the elapsed time at its end, ending on the slot', async () => {
    const out = await projectTempDir('slot-10')
    const result = await runBuildCli(['--out', out, '--minutes', '10'])
    expect(result.code, result.stderr).toBe(0)
    expect(result.stderr).not.toMatch(/slot/)
    const { en } = await built(out)
    let elapsed = 0
    en.notes.forEach((note, i) => {
      const [, bm, bs, em, es] = TIME_LINE.exec(note) ?? []
      expect(bm, `slide ${i + 1}`).toBeDefined()
      const budget = Number(bm) * 60 + Number(bs)
      elapsed += budget
      expect(budget).toBe(sum(en.pacing.steps[i]!))
      expect(Number(em) * 60 + Number(es)).toBe(elapsed)
    })
    expect(elapsed).toBe(600)
    expect(en.notes[0]).toMatch(/Expected speaking time: about \d+:\d\d; slot 10:00/)
  })

  it('takes the slot from minutes: in the extras, and --minutes over it', async () => {
    const dir = await projectTempDir('slot-extras')
    const brief = path.join(dir, 'brief.txt')
    await copyFile(DEFAULT_BRIEF, brief)
    await writeFile(path.join(dir, 'brief.deck.yaml'), `${await readFile(existingExtras(DEFAULT_BRIEF)!, 'utf8')}\nminutes: 5\n`)
    expect((await runBuildCli(['--brief', brief, '--out', dir])).code).toBe(0)
    expect((await built(dir)).en.pacing.slot).toBe(300)
    expect((await runBuildCli(['--brief', brief, '--out', dir, '--minutes', '2.5'])).code).toBe(0)
    expect((await built(dir)).en.pacing.slot).toBe(150)
  })

  it('without a slot, plans the time the notes take, and says nothing', async () => {
    const out = await projectTempDir('slot-none')
    const result = await runBuildCli(['--out', out])
    expect(result.stderr).not.toMatch(/slot/)
    const decks = await built(out)
    for (const variant of VARIANTS) {
      // The slot is the time the notes take at the README's pace, and each slide gets the time its own notes take
      // (within a word or two of how this test counts words, and a second of rounding).
      const expected = await secondsToSayShipped(variantLangs(variant))
      expect(Math.abs(decks[variant].pacing.slot - sum(expected)), variant).toBeLessThanOrEqual(Math.max(2, sum(expected) * 0.02))
      decks[variant].pacing.steps.forEach((steps, i) =>
        expect(Math.abs(sum(steps) - expected[i]!), `${variant} slide ${i + 1}: ${sum(steps)} s, said in ${expected[i]!.toFixed(1)} s`).toBeLessThanOrEqual(
          Math.max(2, expected[i]! * 0.03),
        ),
      )
      // Slidev reloads every open view when the headmatter changes: nothing in it may follow the brief's text.
      expect(decks[variant].headmatter, variant).not.toHaveProperty('duration')
      expect(JSON.stringify(decks[variant].headmatter), variant).not.toMatch(/pacing|steps/)
    }
  })

  it('keeps the headmatter as it was when an edit of the brief\'s text changes the plan (Slidev reloads every view on a headmatter change)', async () => {
    const dir = await projectTempDir('slot-edit')
    const brief = path.join(dir, 'brief.txt')
    // Without the extras: an edit under an authored headline would (rightly) stop the build as stale.
    await copyFile(DEFAULT_BRIEF, brief)
    const original = await readFile(brief, 'utf8')
    const edited = original.replace('National security is the foundation', 'National security, said at far greater length than before, is the foundation')
    expect(edited).not.toBe(original)
    for (const minutes of [[], ['--minutes', '10']]) {
      await writeFile(brief, original)
      expect((await runBuildCli(['--brief', brief, '--out', dir, ...minutes])).code).toBe(0)
      const before = await built(dir)
      await writeFile(brief, edited)
      expect((await runBuildCli(['--brief', brief, '--out', dir, ...minutes])).code).toBe(0)
      const after = await built(dir)
      for (const variant of VARIANTS) {
        // The zh-Hant deck's notes are in Chinese only: an English edit leaves its plan alone.
        if (variant !== 'zh-Hant') expect(after[variant].pacing, `${variant} ${minutes.join(' ')}`).not.toEqual(before[variant].pacing)
        expect(after[variant].headmatter, `${variant} ${minutes.join(' ')}`).toEqual(before[variant].headmatter)
      }
    }
  })

  it('refuses a slot that is not a number of minutes, before building anything', async () => {
    const result = await runBuildCli(['--minutes', '10min'])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^--minutes 10min: give the slot in minutes/)
  })
})
