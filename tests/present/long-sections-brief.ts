/**
 * A brief whose sections each hold six bullets of growing length: the first
 * fit any notes panel, the last are taller than the panel of a 1024×768
 * window in both languages together (at the presenter's 1.5× notes).
 * Distinct words per bullet, so that each note can be told apart.
 */

const ZH = '國家安全委員會審議並批准了監測風險和加強國內安全的一系列新政策，'
const EN = 'the commission approved new policies to monitor risks and reinforce domestic security, '

const zh = (n: number, tag: string) => `${tag}：${ZH.repeat(Math.ceil(n / ZH.length)).slice(0, n)}。`
const en = (words: number, tag: string) => {
  const text = EN.repeat(Math.ceil(words / 13)).split(' ').filter(Boolean).slice(0, words).join(' ').replace(/,$/, '')
  return `${tag}: ${text[0]!.toUpperCase()}${text.slice(1)}.`
}

export const SECTIONS = 2
export const POINTS = 6

export function longSectionsBrief(): string {
  const part = (lede: string, heading: (s: number) => string, point: (s: number, p: number) => string) => [
    lede,
    ...Array.from({ length: SECTIONS }, (_, s) => [heading(s + 1), ...Array.from({ length: POINTS }, (_, p) => `- ${point(s + 1, p + 1)}`)]).flat(),
  ]
  return [
    ...part(zh(120, '導言'), (s) => `第${s}部分`, (s, p) => zh(40 + 90 * (p - 1), `第${s}部分第${p}點`)),
    'Summary:',
    ...part(en(60, 'Lede'), (s) => `Part ${s}`, (s, p) => en(20 + 40 * (p - 1), `Part ${s} point ${p}`)),
  ].join('\n') + '\n'
}
