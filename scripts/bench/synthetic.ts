/**
 * A well-formed brief of `sections × points` bullets in both languages, for
 * measuring the build on something much larger than the shipped brief.
 */
export function syntheticBrief(sections: number, points: number): string {
  const part = (lang: 'zh' | 'en') => {
    const lines = [
      lang === 'zh'
        ? '這是一份用於測量建置速度的合成簡報，其結構與真實簡報相同。'
        : 'This is a synthetic brief for measuring the build, with the structure of a real one.',
    ]
    for (let s = 1; s <= sections; s++) {
      lines.push(lang === 'zh' ? `第 ${s} 節` : `Section ${s}`)
      for (let p = 1; p <= points; p++)
        lines.push(
          lang === 'zh'
            ? `- 第 ${s} 節第 ${p} 點：北京在安全議題上的立場持續強硬，並透過多項政策落實其總體國家安全觀。`
            : `- Point ${p} of section ${s}: Beijing keeps a hard line on security and puts its comprehensive national security concept into many policies.`,
        )
    }
    return lines
  }
  return [...part('zh'), 'Summary:', ...part('en')].join('\n') + '\n'
}
