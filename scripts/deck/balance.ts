/** Openers and their closers; straight quotes open and close with the same character. */
const PAIRS: Record<string, string> = {
  '(': ')', '（': '）', '[': ']', '{': '}', '「': '」', '『': '』', '《': '》', '〈': '〉', '“': '”', '‘': '’', '"': '"',
}
const LETTER = /[\p{L}\p{N}]/u

/**
 * True when every bracket and quotation opened in `text` is closed, so a
 * headline ending here does not leave the reader inside one. A straight single
 * quote counts as a quotation mark only at the start of a word (`'hedge'`);
 * elsewhere it is an apostrophe (`Xi's`, `states'`), as is `’` inside a word.
 */
export function isBalanced(text: string): boolean {
  const open: string[] = []
  const chars = Array.from(text)
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
  })
  return open.length === 0
}

/** True when `char` opens a bracket or a quotation. */
export function isOpener(char: string | undefined): boolean {
  return char !== undefined && char in PAIRS && char !== '’'
}
