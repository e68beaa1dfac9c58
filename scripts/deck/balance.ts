/** Openers and their closers; straight quotes open and close with the same character. */
const PAIRS: Record<string, string> = {
  '(': ')', '（': '）', '[': ']', '{': '}', '「': '」', '『': '』', '《': '》', '〈': '〉', '“': '”', '‘': '’', '"': '"',
  '【': '】', '〔': '〕', '［': '］', '｛': '｝',
}
const LETTER = /[\p{L}\p{N}]/u

/**
 * For each UTF-16 offset of `text`, whether every bracket and quotation opened
 * before it is closed there, so a headline ending there does not leave the
 * reader inside one. One pass over the text answers for every cut.
 *
 * A straight single quote counts as a quotation mark only at the start of a
 * word (`'hedge'`); elsewhere it is an apostrophe (`Xi's`, `states'`), as is
 * `’` inside a word.
 */
export function closedAt(text: string): (end: number) => boolean {
  const closed = new Uint8Array(text.length + 1)
  closed[0] = 1
  const open: string[] = []
  const chars = Array.from(text)
  let offset = 0
  chars.forEach((char, i) => {
    const top = open.at(-1)
    const before = chars[i - 1] ?? ' '
    const after = chars[i + 1] ?? ' '
    if (char === "'" || char === '’') {
      if (char === "'" && !LETTER.test(before) && LETTER.test(after)) open.push("'")
      else if (top !== undefined && PAIRS[top] === char && !LETTER.test(after)) open.pop()
      else if (top === "'" && !LETTER.test(after)) open.pop()
    } else if (top !== undefined && PAIRS[top] === char) open.pop()
    else if (char in PAIRS) open.push(char)
    offset += char.length
    closed[offset] = open.length === 0 ? 1 : 0
  })
  return (end) => closed[end] === 1
}

/** True when `char` opens a bracket or a quotation. */
export function isOpener(char: string | undefined): boolean {
  return char !== undefined && char in PAIRS && char !== '’'
}
