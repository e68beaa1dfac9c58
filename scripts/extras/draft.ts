import { Document, isMap } from 'yaml'
import { LANGS, type AlignedBrief, type Bilingual, type Lang, type SourceText } from '../brief/model.ts'
import type { DeckContent } from '../deck/content.ts'
import type { Extras, LanguageLines } from './schema.ts'

/**
 * The authoring file a user edits instead of starting from an empty page:
 * the deck's title, bottom line and every headline as this build shows them
 * (authored or derived), each with the brief text it stands for, as typed
 * in the brief (`typed`), as its `source` — data the build checks, so a line whose brief text changes goes
 * stale loudly. Built from a build's content, so it builds to the same decks.
 * The author's own settings (`minutes`, `date`) are carried over.
 */
export function draftExtras(content: DeckContent, kept: Pick<Extras, 'minutes' | 'date'>, typed: AlignedBrief): string {
  const lede = typed.lede
  const extras: Extras = {
    ...(kept.minutes !== undefined ? { minutes: kept.minutes } : {}),
    ...(kept.date !== undefined ? { date: kept.date } : {}),
    title: sourced((lang) => content.title[lang], lede),
    ...(LANGS.some((lang) => content.subtitle[lang] !== undefined) ? { subtitle: sourced((lang) => content.subtitle[lang], lede) } : {}),
    lede: sourced((lang) => content.lede.headline[lang], lede),
    sections: content.sections.map((section, i) => ({
      points: section.points.map((point, j) => sourced((lang) => point.headline[lang], typed.sections[i]!.points[j]!)),
    })),
  }
  const doc = new Document(extras)
  // The title, subtitle and bottom line all stand for the lede: its text is written once, then named.
  const ledeSource = doc.getIn(['title', 'source'], true)
  if (isMap(ledeSource)) {
    ledeSource.anchor = 'lede'
    for (const key of ['subtitle', 'lede']) if (doc.hasIn([key, 'source'])) doc.setIn([key, 'source'], doc.createAlias(ledeSource))
  }
  doc.commentBefore = [
    ` Slide titles and headlines for ${content.source}, drafted by \`npm run build -- --write-extras\`.`,
    ' Edit any zh-Hant or en line to say it better; delete one to have it derived again. Each `source:` is the',
    ' brief text its lines stand for: when the brief changes there, the build refuses until the line is',
    ' rewritten (or redrafted by --write-extras). The brief itself is never changed: its text stays in the notes.',
  ].join('\n')
  note(doc, ['title'], 'title slide: the lede’s opening phrase (or the brief’s file name), unlike the bottom line')
  note(doc, ['lede'], 'bottom-line slide, from the lede')
  content.sections.forEach((section, i) => note(doc, ['sections', i], `section ${i + 1}: ${LANGS.map((lang) => section.heading[lang].text).join(' / ')}`))
  return doc.toString({ lineWidth: 0 })
}

/** One item's lines and, for each line, the brief text it stands for. */
function sourced(line: (lang: Lang) => string | undefined, source: Bilingual<SourceText>): LanguageLines {
  const lines: LanguageLines = {}
  const from: Partial<Record<Lang, string>> = {}
  for (const lang of LANGS) {
    const text = line(lang)
    if (text === undefined) continue
    lines[lang] = text
    from[lang] = source[lang].text
  }
  return { ...lines, source: from }
}

function note(doc: Document, path: (string | number)[], text: string): void {
  const node = doc.getIn(path, true)
  if (isMap(node)) node.commentBefore = ` ${text}`
}
