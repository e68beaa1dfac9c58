import { LANGS, type AlignedBrief, type Bilingual, type Lang, type SourceText } from '../brief/model.ts'
import { deriveHeadlines } from '../deck/headline.ts'
import { deriveLedeLines } from '../deck/title.ts'
import type { Extras, LanguageLines } from './schema.ts'

/** Where an authored line stands in the extras file: `['sections', 0, 'points', 2]`, `['title']`. */
export type ExtrasPath = (string | number)[]

/** An authored line whose brief text changed, or went, since it was written. */
export interface StaleLine {
  path: ExtrasPath
  lang: Lang
  /** The authored line. */
  line: string
  /** The brief text it was written for (its recorded source). */
  was: string
  /** What the brief says there now; absent when no bullet of the brief is that one any more. */
  now?: SourceText
}

/** An authored line that records no source (written before sources were kept): taken by position. */
export interface UntiedLine {
  path: ExtrasPath
  lang: Lang
  line: string
}

export interface Tied {
  /** The authored lines still tied to the brief as it is now, at the brief's positions. */
  extras: Extras
  /** Where the authored lines of the brief's point `i/j` stand in the extras file. */
  origins: Map<string, ExtrasPath>
  stale: StaleLine[]
  untied: UntiedLine[]
}

type Authored = LanguageLines | undefined

/**
 * Ties each authored line to the brief text it was written for. A point is
 * found by its source wherever its bullet now stands (bullets added, removed
 * or moved keep their headlines); failing that, by position. A line whose
 * source is no longer the brief's text is stale — unless it is exactly what
 * briefdeck drafted from that source, never edited: then it is derived
 * afresh from the new text, as if absent. `asShown` turns brief text as
 * typed into text as the slides show it (punctuation), to draft from.
 */
export function tieExtras(extras: Extras, brief: AlignedBrief, source: string, asShown: (texts: Bilingual<string>) => Bilingual<string> = (t) => t): Tied {
  const stale: StaleLine[] = []
  const untied: UntiedLine[] = []
  const drafted = (lines: LanguageLines, make: (texts: Bilingual<string>) => Bilingual<string>) => {
    const from = lines.source
    if (from?.['zh-Hant'] === undefined || from.en === undefined) return undefined
    return make(asShown({ 'zh-Hant': from['zh-Hant'], en: from.en }))
  }
  /** The lines of one entry that still hold, sorting the others into stale and untied. */
  const keep = (lines: Authored, path: ExtrasPath, now: Bilingual<SourceText> | undefined, draft: () => Bilingual<string> | undefined): Authored => {
    if (!lines) return undefined
    const kept: LanguageLines = {}
    for (const lang of LANGS) {
      const line = lines[lang]
      if (line === undefined) continue
      const was = lines.source?.[lang]
      if (was === undefined) {
        if (now) {
          untied.push({ path, lang, line })
          kept[lang] = line
        }
        continue
      }
      if (now && was === now[lang].text) kept[lang] = line
      else if (line !== draft()?.[lang]) stale.push({ path, lang, line, was, ...(now ? { now: now[lang] } : {}) })
    }
    return LANGS.some((lang) => kept[lang] !== undefined) ? kept : undefined
  }

  const ledeLines = (pick: 'title' | 'bottomLine') => (texts: Bilingual<string>) => deriveLedeLines(texts, source)[pick]
  const title = keep(extras.title, ['title'], brief.lede, () => (extras.title ? drafted(extras.title, ledeLines('title')) : undefined))
  const subtitle = keep(extras.subtitle, ['subtitle'], brief.lede, () => undefined)
  const lede = keep(extras.lede, ['lede'], brief.lede, () => (extras.lede ? drafted(extras.lede, ledeLines('bottomLine')) : undefined))

  const origins = new Map<string, ExtrasPath>()
  const sections: { points: LanguageLines[] }[] = brief.sections.map((section) => ({ points: section.points.map(() => ({})) }))
  const bullets = brief.sections.flatMap((section, i) => section.points.map((point, j) => ({ i, j, point })))
  const entries = (extras.sections ?? []).flatMap((section, i) =>
    (section.points ?? []).flatMap((lines, j) => (LANGS.some((lang) => lines[lang] !== undefined) ? [{ i, j, lines }] : [])),
  )
  for (const { entry, bullet } of matchEntries(entries, bullets)) {
    const path: ExtrasPath = ['sections', entry.i, 'points', entry.j]
    const kept = keep(entry.lines, path, bullet?.point, () => drafted(entry.lines, deriveHeadlines))
    if (bullet && kept) {
      sections[bullet.i]!.points[bullet.j] = kept
      origins.set(`${bullet.i}/${bullet.j}`, path)
    }
  }

  const tied: Extras = { ...extras, sections }
  setOrDelete(tied, 'title', title)
  setOrDelete(tied, 'subtitle', subtitle)
  setOrDelete(tied, 'lede', lede)
  return { extras: tied, origins, stale, untied }
}

interface Entry {
  i: number
  j: number
  lines: LanguageLines
}
interface Bullet {
  i: number
  j: number
  point: Bilingual<SourceText>
}

/**
 * Each entry's bullet: one whose text is every recorded source; else one
 * whose text is one of them (the bullet was edited in the other language);
 * else the bullet at the entry's own position, if no other entry took it.
 * Within each, the bullet at the entry's position first. An entry left
 * without a bullet stands for one the brief no longer has.
 */
function matchEntries(entries: Entry[], bullets: Bullet[]): { entry: Entry; bullet: Bullet | undefined }[] {
  const taken = new Set<Bullet>()
  const found = new Map<Entry, Bullet>()
  const sources = (entry: Entry) => LANGS.filter((lang) => entry.lines.source?.[lang] !== undefined)
  const all = (entry: Entry, bullet: Bullet) =>
    sources(entry).length > 0 && sources(entry).every((lang) => entry.lines.source![lang] === bullet.point[lang].text)
  const some = (entry: Entry, bullet: Bullet) => sources(entry).some((lang) => entry.lines.source![lang] === bullet.point[lang].text)
  const here = (entry: Entry, bullet: Bullet) => entry.i === bullet.i && entry.j === bullet.j
  const passes: ((entry: Entry, bullet: Bullet) => boolean)[] = [
    (e, b) => all(e, b) && here(e, b),
    all,
    (e, b) => some(e, b) && here(e, b),
    some,
    here,
  ]
  for (const pass of passes) {
    for (const entry of entries) {
      if (found.has(entry)) continue
      const bullet = bullets.find((b) => !taken.has(b) && pass(entry, b))
      if (bullet) {
        found.set(entry, bullet)
        taken.add(bullet)
      }
    }
  }
  return entries.map((entry) => ({ entry, bullet: found.get(entry) }))
}

function setOrDelete(extras: Extras, key: 'title' | 'subtitle' | 'lede', lines: Authored): void {
  if (lines) extras[key] = lines
  else delete extras[key]
}
