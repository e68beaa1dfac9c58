import { decodeHTML } from 'entities'
import type { LangText } from './deck.ts'

/** One of the deck's components in a slide body (`<DeckPoint v-click en="…" />`), its text props decoded. */
export interface BodyTag {
  name: string
  props: Record<string, string>
}

/** A component tag as the build writes it: static props in double quotes, over one line or several. */
const TAG = /<(Deck\w+)((?:\s+[\w-]+(?:="[^"]*")?)*)\s*\/?>/g
const PROP = /([\w-]+)="([^"]*)"/g
/** Prop prefixes of each language (scripts/deck/render.ts). */
const LANG_PROPS = [
  ['zh', 'zh-Hant'],
  ['en', 'en'],
] as const

/** The deck components of a slide body, in order, with their props as the components receive them. */
export function readBody(content: string): BodyTag[] {
  return [...content.matchAll(TAG)].map(([, name, attributes]) => ({
    name: name ?? '',
    props: Object.fromEntries([...(attributes ?? '').matchAll(PROP)].map(([, key, value]) => [key, decodeHTML(value ?? '')])),
  }))
}

/** A component's text in each language it carries: `zh`/`en`, or `zh-label`/`en-label` with a suffix. */
export function tagTexts(tag: BodyTag | undefined, suffix = ''): LangText[] {
  if (!tag) return []
  return LANG_PROPS.flatMap(([prefix, lang]) => {
    const text = tag.props[suffix ? `${prefix}-${suffix}` : prefix]
    return text === undefined ? [] : [{ lang, text }]
  })
}

/** The body with one language's props only (the bilingual deck exported as `--show` shows it). */
export function bodyInLanguage(body: BodyTag[], lang: string): BodyTag[] {
  const keep = (key: string) => !LANG_PROPS.some(([prefix, other]) => other !== lang && (key === prefix || key.startsWith(`${prefix}-`)))
  return body.map((tag) => ({ ...tag, props: Object.fromEntries(Object.entries(tag.props).filter(([key]) => keep(key))) }))
}
