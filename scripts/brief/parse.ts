import type { Brief, BriefPart, Lang, Position, SourceText } from './model.ts'

const LINE_BREAK = /\r\n|\r|\n/
/** `- text`, or a lone `-` (an empty bullet, reported by the validator). */
const BULLET = /^-(?:\s|$)/
/**
 * A bullet marked with something that looks like `- ` in a word processor: a
 * bullet sign, or a star or dash followed by a space. Read as a bullet, and reported.
 */
const LOOKALIKE_BULLET = /^(?:[•●▪◦‣∙・]|[*·–—](?=\s))\s*/
/** The line between the Chinese and the English parts. */
const SUMMARY = /^summary:$/i

interface Line {
  text: string
  position: Position
}

/**
 * Reads a brief's text into its two parts. It never fails: whatever is odd
 * is kept in the model for `validateBrief` to report. Trailing spaces, blank
 * lines, CRLF line ends and a byte-order mark change nothing.
 */
export function parseBrief(text: string, file: string): Brief {
  const rawLines = text.replace(/^\uFEFF/, '').split(LINE_BREAK)
  if (rawLines.length > 0 && rawLines[rawLines.length - 1] === '') rawLines.pop()
  const lines: Line[] = []
  rawLines.forEach((raw, index) => {
    const trimmed = raw.trim()
    if (trimmed === '') return
    const indent = raw.length - raw.trimStart().length
    lines.push({ text: trimmed, position: { line: index + 1, column: indent + 1 } })
  })

  const summaries = lines.filter((line) => SUMMARY.test(line.text)).map((line) => line.position)
  const split = lines.findIndex((line) => SUMMARY.test(line.text))
  const chinese = split === -1 ? lines : lines.slice(0, split)
  const english = split === -1 ? [] : lines.slice(split + 1).filter((line) => !SUMMARY.test(line.text))

  return {
    file,
    lineCount: rawLines.length,
    summaries,
    parts: { 'zh-Hant': parsePart(chinese, 'zh-Hant'), en: parsePart(english, 'en') },
  }
}

function parsePart(lines: Line[], lang: Lang): BriefPart {
  const part: BriefPart = { lang, lede: undefined, sections: [], strayPoints: [], lookalikeBullets: [] }
  lines.forEach((line, index) => {
    const lookalike = LOOKALIKE_BULLET.exec(line.text)
    if (lookalike) part.lookalikeBullets.push({ text: Array.from(line.text)[0]!, position: line.position })
    if (BULLET.test(line.text) || lookalike) {
      const point = bulletText(line, lookalike ? LOOKALIKE_BULLET : BULLET)
      const section = part.sections[part.sections.length - 1]
      if (section) section.points.push(point)
      else part.strayPoints.push(point)
    } else if (index === 0) {
      part.lede = { text: line.text, position: line.position }
    } else {
      part.sections.push({ heading: { text: line.text, position: line.position }, points: [] })
    }
  })
  return part
}

/** The bullet's text after `- `, with its column pointing at the text itself. */
function bulletText(line: Line, mark: RegExp): SourceText {
  const text = line.text.replace(mark, '').trimStart()
  const marker = line.text.length - text.length
  return { text, position: { line: line.position.line, column: line.position.column + marker } }
}
