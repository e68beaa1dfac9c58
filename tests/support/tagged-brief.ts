/** A small brief whose every bullet carries `tag`, so a deck's notes show whose brief they hold. */
export function taggedBrief(tag: string): string {
  return [
    `${tag}政權的安全觀`,
    `${tag}第一部分`,
    `- ${tag}甲項要點說明`,
    `- ${tag}乙項要點說明`,
    `${tag}第二部分`,
    `- ${tag}丙項要點說明`,
    'Summary:',
    `The ${tag} doctrine in brief`,
    `${tag} part one`,
    `- ${tag} point alpha explained`,
    `- ${tag} point beta explained`,
    `${tag} part two`,
    `- ${tag} point gamma explained`,
    '',
  ].join('\n')
}
