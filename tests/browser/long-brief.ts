/**
 * A well-formed brief whose every piece of slide text is far longer than a
 * briefer would write: long headings, six long bullets per section, and
 * extras with long authored titles and headlines. Its slides cannot fit at
 * full size.
 */

import { readBriefText, sourceYaml } from '../support/brief-oracle.ts'

const zh = (n: number) => '國家安全委員會審議並批准了監測風險和加強國內安全的一系列新政策，'.repeat(Math.ceil(n / 31)).slice(0, n)
const en = (n: number) =>
  'The Central National Security Commission approved policies to monitor risks and reinforce domestic security, '
    .repeat(Math.ceil(n / 108))
    .slice(0, n)
    .trim()
/** One word too long for any line: it must wrap inside the word, not run off the slide. */
const LONG_WORD = 'https://example.com/' + 'a-very-long-path-segment-without-spaces'.repeat(3)

const POINTS = 6

export function longBrief(): string {
  const part = (text: (n: number) => string, extra: string) => [
    text(400),
    ...[1, 2].flatMap((section) => [
      `${text(section === 1 ? 60 : 150)}${extra}`,
      ...Array.from({ length: POINTS }, (_, i) => `- ${text(200 + 40 * i)} ${LONG_WORD}`),
    ]),
  ]
  return [...part(zh, ''), 'Summary:', ...part(en, ` ${LONG_WORD}`)].join('\n') + '\n'
}

/** Authored headlines for section 1 (section 2's are derived) and a long title, subtitle and lede. */
export function longExtras(): string {
  const brief = readBriefText(longBrief())
  const line = (zhLength: number, enLength: number) => `zh-Hant: "${zh(zhLength)}"\n    en: "${en(enLength)} ${LONG_WORD}"`
  const lede = sourceYaml({ 'zh-Hant': brief['zh-Hant'].lede, en: brief.en.lede })
  const point = (i: number) => sourceYaml({ 'zh-Hant': brief['zh-Hant'].sections[0]!.points[i]!, en: brief.en.sections[0]!.points[i]! })
  return [
    `title:\n  ${line(60, 160).replace('\n    ', '\n  ')}\n  ${lede}`,
    `subtitle:\n  ${line(90, 240).replace('\n    ', '\n  ')}\n  ${lede}`,
    `lede:\n  ${line(90, 240).replace('\n    ', '\n  ')}\n  ${lede}`,
    'sections:',
    '  - points:',
    ...Array.from({ length: POINTS }, (_, i) => `      - ${line(70, 180).replace('\n    ', '\n        ')}\n        ${point(i)}`),
  ].join('\n') + '\n'
}
