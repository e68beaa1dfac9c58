/**
 * The brief as the parser reads it: the contract between parser, validator
 * and renderers. Every piece of text keeps where it came from, so that
 * diagnostics and tests can point at the brief's own lines.
 */

/** The two languages of a brief, as BCP 47 tags (`zh-Hant` picks Traditional glyphs). */
export const LANGS = ['zh-Hant', 'en'] as const
export type Lang = (typeof LANGS)[number]

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value)
}

/** One value per language. */
export type Bilingual<T> = Record<Lang, T>

/** A place in a source file; line and column count from 1, columns in UTF-16 code units. */
export interface Position {
  line: number
  column: number
}

/** A piece of the brief's text, exactly as typed (surrounding white space and the `- ` marker removed). */
export interface SourceText {
  text: string
  position: Position
}

/** A heading line and the bullet lines under it. */
export interface Section {
  heading: SourceText
  points: SourceText[]
}

/** One language's half of the brief: lede, then sections. */
export interface BriefPart {
  lang: Lang
  /** The paragraph before the first heading; absent when the part starts with a heading or is empty. */
  lede: SourceText | undefined
  sections: Section[]
  /** Bullets that stand where a heading was expected (before any heading): kept for diagnostics. */
  strayPoints: SourceText[]
  /**
   * Bullets marked with a look-alike of `- ` (`•`, `●`, `*`…, as pasted from a
   * word processor): read as bullets so the rest of the brief is checked as
   * meant, each kept (its mark, at its place) to be reported.
   */
  lookalikeBullets: SourceText[]
}

/** A brief as parsed, before validation: it may still be malformed. */
export interface Brief {
  /** The path the brief was read from, as given by the user; used in diagnostics. */
  file: string
  /** Number of lines in the file (0 for an empty file). */
  lineCount: number
  /** Every `Summary:` line; exactly one in a well-formed brief. */
  summaries: Position[]
  parts: Bilingual<BriefPart>
}

/** A pair of aligned points: the same bullet in both languages. */
export type AlignedPoint = Bilingual<SourceText>

/** A section in both languages, point i of one being point i of the other. */
export interface AlignedSection {
  heading: Bilingual<SourceText>
  points: AlignedPoint[]
}

/** A validated brief with its two languages zipped together. */
export interface AlignedBrief {
  file: string
  /** Number of lines in the brief file, for references to the whole of it. */
  lineCount: number
  lede: Bilingual<SourceText>
  sections: AlignedSection[]
}
