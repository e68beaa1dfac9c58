import { Document, isMap, isScalar, type YAMLMap } from 'yaml'
import { LANGS, type Lang } from '../brief/model.ts'
import type { DeckContent } from '../deck/content.ts'
import type { Extras } from './schema.ts'

/**
 * The authoring file a user edits instead of starting from an empty page:
 * the deck's title and every headline as the build chose them, each under
 * the brief's text it came from (as a YAML comment). Built from the content
 * of a build without extras, so it builds to the same decks as no file at all.
 */
export function draftExtras(content: DeckContent): string {
  const extras: Extras = {
    title: byLanguage((lang) => content.title[lang]),
    lede: byLanguage((lang) => content.lede.headline[lang]),
    sections: content.sections.map((section) => ({
      points: section.points.map((point) => byLanguage((lang) => point.headline[lang])),
    })),
  }
  const doc = new Document(extras)
  doc.commentBefore = [
    ` Slide titles and headlines for ${content.source}, drafted by \`npm run build -- --write-extras\`.`,
    ' Each line was derived from the brief text in the comment above it. Edit any line to say it better;',
    ' delete a line to have it derived again. The brief itself is never changed: its text stays in the notes.',
  ].join('\n')
  comment(doc, ['title'], "title slide: the lede's opening phrase (or the brief's file name), unlike the bottom line", null)
  comment(doc, ['lede'], 'bottom-line slide, from the lede:', (lang) => content.lede.detail[lang].text)
  content.sections.forEach((section, i) => {
    const heading = LANGS.map((lang) => section.heading[lang].text).join(' / ')
    const item = doc.getIn(['sections', i], true)
    if (isMap(item)) item.commentBefore = ` section ${i + 1}: ${heading}`
    section.points.forEach((point, j) => comment(doc, ['sections', i, 'points', j], null, (lang) => point.detail[lang].text))
  })
  return doc.toString({ lineWidth: 0 })
}

/** A note above the map, and above each language's line the brief's text it came from. */
function comment(doc: Document, path: (string | number)[], note: string | null, source: ((lang: Lang) => string) | null): void {
  const map = doc.getIn(path, true) as YAMLMap | undefined
  if (!isMap(map)) return
  if (note) map.commentBefore = ` ${note}`
  if (!source) return
  map.items.forEach((pair, i) => {
    if (!isScalar(pair.key) || typeof pair.key.value !== 'string') return
    const text = ` ${source(pair.key.value as Lang)}`
    // In a list, the first key's comment goes above the dash, where it reads as the item's.
    if (i === 0 && typeof path.at(-1) === 'number') map.commentBefore = text
    else pair.key.commentBefore = text
  })
}

function byLanguage(value: (lang: Lang) => string): Record<Lang, string> {
  return Object.fromEntries(LANGS.map((lang) => [lang, value(lang)])) as Record<Lang, string>
}
