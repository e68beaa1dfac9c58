/**
 * Every message briefdeck shows a user, in one place. Each says what is wrong
 * and what to do; the location is printed beside it by `formatDiagnostic`.
 */
import type { FoundBrowser } from './browser/find.ts'
import type { Lang, Position } from './brief/model.ts'
import { formatClock, MAX_SLOT_MINUTES } from './timing/clock.ts'
import type { OverSlot } from './timing/over-slot.ts'

export interface Message {
  ruleId: string
  reason: string
  hint: string
}

const LANGUAGE_NAME: Record<Lang, string> = { 'zh-Hant': 'Chinese', en: 'English' }

/** A brief's heading inside a message: long ones are cut, the line number says where the rest is. */
const quote = (text: string) => `"${Array.from(text).length > 40 ? `${Array.from(text).slice(0, 40).join('')}…` : text}"`

/** An authored line in full: it is short, and the user must find it. */
const quoteWhole = (text: string) => `"${text}"`

/**
 * The part of `text` that differs from `other`, with a little context:
 * "…回收率已達86.7%，較…" beside "…回收率已達91.2%，較…".
 */
function changed(text: string, other: string): string {
  const a = Array.from(text)
  const b = Array.from(other)
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start++
  let end = 0
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++
  const from = Math.max(0, start - 12)
  const to = Math.min(a.length, a.length - end + 12)
  if (to - from > 80) return quote(text)
  return `"${from > 0 ? '…' : ''}${a.slice(from, to).join('')}${to < a.length ? '…' : ''}"`
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

export const messages = {
  emptyFile: (): Message => ({
    ruleId: 'empty-file',
    reason: 'The brief is empty',
    hint: 'Paste the whole brief: the Chinese lede and sections, a line `Summary:`, then the English lede and sections.',
  }),
  notUtf8: (byte: number): Message => ({
    ruleId: 'not-utf8',
    reason: `The file is not UTF-8 text (byte 0x${byte.toString(16).padStart(2, '0').toUpperCase()} cannot start or continue a UTF-8 character)`,
    hint: 'Save the brief as UTF-8 (in most editors: Save As, Encoding: UTF-8) and build again.',
  }),
  missingSummary: (): Message => ({
    ruleId: 'missing-summary',
    reason: 'No `Summary:` line separates the Chinese part from the English part',
    hint: 'Add a line that reads exactly `Summary:` after the last Chinese bullet, before the English lede.',
  }),
  duplicateSummary: (): Message => ({
    ruleId: 'duplicate-summary',
    reason: 'A second `Summary:` line',
    hint: 'Keep only the `Summary:` line between the Chinese and the English parts.',
  }),
  emptyPart: (lang: Lang): Message => ({
    ruleId: 'empty-part',
    reason: `The ${LANGUAGE_NAME[lang]} part is empty`,
    hint: `Add the ${LANGUAGE_NAME[lang]} lede and sections ${lang === 'en' ? 'after' : 'before'} the \`Summary:\` line.`,
  }),
  missingLede: (lang: Lang): Message => ({
    ruleId: 'missing-lede',
    reason: `The ${LANGUAGE_NAME[lang]} part has no lede: it starts with a bullet`,
    hint: 'Put the lede paragraph on the first line of the part, before the first heading.',
  }),
  pointBeforeHeading: (): Message => ({
    ruleId: 'point-before-heading',
    reason: 'A bullet comes before any section heading',
    hint: 'Add a heading line (a line without `- `) above it; if this line is the lede, remove its `- `.',
  }),
  emptyPoint: (): Message => ({
    ruleId: 'empty-point',
    reason: 'A bullet with no text',
    hint: 'Write the bullet after `- `, or delete the line.',
  }),
  sectionWithoutPoints: (heading: string): Message => ({
    ruleId: 'section-without-points',
    reason: `Section ${quote(heading)} has no bullets`,
    hint: 'Add its bullets as lines that start with `- `; if this line continues the lede or a bullet, join it to the line before.',
  }),
  sectionWithoutPartner: (
    lang: Lang,
    other: Lang,
    section: number,
    heading: string,
    counts: Record<Lang, number>,
    place: { where: 'before' | 'after'; number: number; heading: string; line: number } | undefined,
  ): Message => ({
    ruleId: 'section-count-mismatch',
    reason: `${LANGUAGE_NAME[lang]} section ${section} (${quote(heading)}) has no ${LANGUAGE_NAME[other]} partner: the ${LANGUAGE_NAME[other]} part has ${plural(counts[other], 'section')}, the ${LANGUAGE_NAME[lang]} part ${counts[lang]}`,
    hint: `${place ? `Add its ${LANGUAGE_NAME[other]} section ${place.where} ${LANGUAGE_NAME[other]} section ${place.number} (${quote(place.heading)}, line ${place.line})` : `Add its ${LANGUAGE_NAME[other]} section`}, or remove this one. Section i of one language must be section i of the other (a line without \`- \` starts a section).`,
  }),
  pointCountMismatch: (section: Record<Lang, number>, heading: string, counts: Record<Lang, number>): Message => ({
    ruleId: 'point-count-mismatch',
    reason: `English section ${section.en} (${quote(heading)}) has ${plural(counts.en, 'point')}, Chinese section ${section['zh-Hant']} has ${counts['zh-Hant']}`,
    hint: 'Bullet j of one language must say what bullet j of the other says: add the missing bullet or merge the extra one.',
  }),
  lookalikeBullet: (mark: string): Message => ({
    ruleId: 'lookalike-bullet',
    reason: `This line starts with ${quote(mark)}, not \`- \`: did you mean \`- \`?`,
    hint: `A bullet starts with a hyphen and a space: replace the ${quote(mark)} with \`- \` (on every line reported; pasting from a word processor brings them).`,
  }),
  extrasNotYaml: (detail: string): Message => ({
    ruleId: 'extras-not-yaml',
    reason: `The extras file is not valid YAML: ${detail}`,
    hint: 'Fix the YAML syntax (indentation, quotes, colons); docs/writing-a-brief.md shows the format.',
  }),
  extrasSchema: (path: string, detail: string): Message => ({
    ruleId: 'extras-schema',
    reason: `${path || 'The extras file'}: ${detail}`,
    hint: 'docs/writing-a-brief.md shows the keys: title, subtitle, lede, sections[].points[], each with `zh-Hant` and `en`, and minutes (the slot).',
  }),
  extrasStale: (item: string, line: string, was: string, place: string, now: string, brief: string): Message => ({
    ruleId: 'extras-stale',
    reason: `The ${item} ${quoteWhole(line)} was written for brief text that has changed: it was ${changed(was, now)}, ${place} now says ${changed(now, was)}`,
    hint: `Rewrite the line for the new text and put that text in its \`source:\`, or run \`npm run build -- --brief ${brief} --write-extras\` to redraft only the lines that went stale (the others are kept).`,
  }),
  extrasOrphan: (item: string, line: string, was: string, brief: string): Message => ({
    ruleId: 'extras-stale',
    reason: `The ${item} ${quoteWhole(line)} was written for ${quote(was)}, which ${brief} no longer has`,
    hint: `Delete the line (or give it the text of a bullet the brief has in its \`source:\`), or run \`npm run build -- --brief ${brief} --write-extras\` to drop it and redraft what went stale.`,
  }),
  extrasNoSource: (item: string, line: string, brief: string): Message => ({
    ruleId: 'extras-no-source',
    reason: `The ${item} ${quoteWhole(line)} records no \`source:\` (the brief text it was written for), so a change to that text would go unseen`,
    hint: `Run \`npm run build -- --brief ${brief} --write-extras\`: it records under each line the brief's text as it is now and keeps the line as written. Check each line against its text.`,
  }),
  figureNotInBrief: (item: string, line: string, figure: string, place: string): Message => ({
    ruleId: 'figure-not-in-brief',
    reason: `The ${item} ${quoteWhole(line)} shows ${figure}, which ${place} (the brief text it stands for) does not state`,
    hint: 'Write the figure as the brief states it, or correct the brief: a slide never shows a number the brief does not give.',
  }),
  extrasUnreadable: (detail: string): Message => ({
    ruleId: 'extras-unreadable',
    reason: `The extras file cannot be read: ${detail}`,
    hint: 'Check the file exists and is readable, or delete it to derive every headline from the brief.',
  }),
  extrasNotUtf8Hint: () => 'Save the extras file as UTF-8 (in most editors: Save As, Encoding: UTF-8) and build again.',
  briefUnreadable: (detail: string): Message => ({
    ruleId: 'brief-unreadable',
    reason: `The brief cannot be read: ${detail}`,
    hint: 'Check the path given to --brief.',
  }),
} as const

/** Messages of the command-line tools: usage problems and what was done. */
export const cliMessages = {
  badOptions: (detail: string, command: string) =>
    `${detail}\nRun \`npm run ${command} -- --help\` for the options.`,
  didYouMean: (typed: string, meant: string) => `Unknown option '${typed}': did you mean ${meant}?`,
  badLanguage: (option: string, value: string, command: string) =>
    `${option} ${value}: the languages are zh-Hant and en.\nRun \`npm run ${command} -- --help\` for the options.`,
  outsideProject: (option: string, dir: string) =>
    `${option} ${dir} is outside the project: Slidev finds the shared components only from folders inside it. Choose a folder inside the project.`,
  writeFailed: (dir: string, code: string) =>
    `briefdeck: could not write the decks into ${dir} (${code}); the decks there are as they were. Check the folder can be written to, and build again.`,
  briefMissing: (file: string) => `No brief at ${file}: check the path given to --brief.`,
  refused: (count: number, file: string) =>
    `briefdeck: ${count} problem${count === 1 ? '' : 's'} in ${file}; no deck was written.`,
  normalizedPunctuation: (places: Position[], file: string) =>
    `briefdeck: showing ${places.length} half-width punctuation mark${places.length === 1 ? '' : 's'} in Chinese text in full width (${file} ${places
      .map((p) => `${p.line}:${p.column}`)
      .join(', ')}); the brief is unchanged. --keep-punctuation turns this off.`,
  badScheme: (value: string, command: string) =>
    `--scheme ${value}: the schemes are light (dark text on white, the default) and dark (light text on dark, for a dark room).\nRun \`npm ${command === 'start' ? 'start' : `run ${command}`} -- --help\` for the options.`,
  schemeWithDecks: (command: string) =>
    `--scheme with --decks: decks already built keep the scheme they were built with. Build them with \`npm run build -- --scheme dark\`, or give --brief or a briefing's name instead of --decks.\nRun \`npm run ${command} -- --help\` for the options.`,
  badMinutes: (value: string, command: string) =>
    `--minutes ${value}: give the slot in minutes, a number above 0 and at most ${MAX_SLOT_MINUTES} (like 10 or 7.5).\nRun \`npm ${command === 'start' ? 'start' : `run ${command}`} -- --help\` for the options.`,
  overSlot: ({ slot, decks, heaviest }: OverSlot) =>
    `briefdeck: the notes need about ${decks
      .map((deck) => `${formatClock(deck.expected)} (${deck.name})`)
      .join(', ')} to say, over the ${formatClock(slot)} slot; most words on slide${pluralS(heaviest)} ${heaviest.join(', ')}. The budgets are scaled to fit: shorten those notes, or give a longer slot (--minutes).`,
  built: (files: string[], slides: number, source: string) =>
    `briefdeck: wrote ${files.join(', ')} (${slides} slides each) from ${source}`,
  extrasDrafted: (file: string) =>
    `briefdeck: drafted ${file}: the title and every headline, each with the brief's text it stands for as its source. Edit any line and build again.`,
  extrasRedrafted: (file: string, lines: string[]) =>
    lines.length === 0
      ? `briefdeck: ${file} is up to date with the brief: every authored line kept.`
      : `briefdeck: updated ${file}, every other authored line kept:\n${lines.map((line) => `  ${line}`).join('\n')}`,
  redraftedLine: (place: string, item: string, line: string) => `${place}: redrafted the ${item} ${quoteWhole(line)} (its brief text changed)`,
  droppedLine: (item: string, line: string) => `dropped the ${item} ${quoteWhole(line)} (its bullet is no longer in the brief)`,
  sourcedLine: (place: string, item: string, line: string) => `${place}: recorded the brief text of the ${item} ${quoteWhole(line)}: check the line against it`,
  headlinesShortened: (count: number, brief: string) =>
    `briefdeck: ${count} headline${count === 1 ? ' was' : 's were'} shortened; \`npm run build -- --brief ${brief} --write-extras\` drafts them for editing.`,
} as const

/** Messages about the desk's briefings: the briefs in content/, chosen by name. */
export const libraryMessages = {
  misnamed: (file: string, name: string) =>
    `${file}: "${name}" cannot name a briefing: the name becomes a folder and part of web addresses, so it takes lowercase letters a-z, digits and single hyphens between them (like regime-security). Rename the file, and its .deck.yaml with it.`,
  unknown: (name: string, names: string[]) =>
    `No briefing "${name}" (no content/${name}.txt): ${names.length > 0 ? `the briefings are ${names.join(', ')}.` : 'content/ holds no brief.'}`,
  chooseOne: (command: string, names: string[]) =>
    `content/ holds ${names.length} briefings: name the one to use, as in \`${command} ${names[0]}\`; they are ${names.join(', ')}.`,
  notAName: (value: string) =>
    `${value} is not the name of a briefing: give the NAME of a brief content/NAME.txt (like regime-security), or --brief FILE for a brief elsewhere.`,
  none: () => 'content/ holds no brief: put one there as NAME.txt (with NAME in lowercase letters, digits and hyphens), then build again.',
  namesAndBrief: (command: string) =>
    `Name briefings from content/ or give --brief FILE, not both.\nRun \`${command} -- --help\` for the options.`,
  outNeedsOne: () =>
    '--out takes the decks of one briefing: name it (`npm run build -- NAME --out DIR`), or give --brief FILE.',
  current: (files: string[], source: string) => `briefdeck: ${files.join(', ')} already show ${source}: nothing to write.`,
  summary: (built: string[], current: string[], refused: string[]) =>
    [
      built.length > 0 ? `built ${built.join(', ')}` : 'built none',
      ...(current.length > 0 ? [`current ${current.length === 1 ? '' : `(${current.length}) `}${current.join(', ')}`] : []),
      ...(refused.length > 0 ? [`refused ${refused.join(', ')} (${refused.length === 1 ? 'its decks are' : 'their decks are'} as they were; problems above)`] : []),
    ].join('; ').replace(/^/, 'briefdeck: ') + '.',
} as const

/** Messages of `npm run export` and `npm run site`. */
export const exportMessages = {
  showNeedsBilingual: () =>
    '--show picks the languages of the bilingual deck: use it with --deck bilingual (the other decks have one language).\nRun `npm run export -- --help` for the options.',
  badChoice: (option: string, value: string, choices: readonly string[], command: string) =>
    `${option} ${value}: choose from ${choices.join(', ')} (several as a comma list or by repeating ${option}).\nRun \`npm run ${command} -- --help\` for the options.`,
  deckMissing: (file: string, decksOption: string) =>
    `No deck at ${file}: point ${decksOption} at the folder the decks were built into (\`npm run build -- --out DIR\`), or leave ${decksOption} out to build them from the brief.`,
  briefOrDecks: (command: string) =>
    `--brief and --decks exclude each other: --brief builds the decks from a brief first, --decks takes decks already built.\nRun \`npm run ${command} -- --help\` for the options.`,
  wrote: (file: string, ms: number, reused: boolean) =>
    `briefdeck: wrote ${file} (${reused ? 'unchanged since the last export, copied' : seconds(ms)})`,
  exported: (count: number, ms: number) => `briefdeck: exported ${count} file${count === 1 ? '' : 's'} in ${seconds(ms)}`,
  refusedRequests: (urls: string[]) =>
    `briefdeck: refused ${urls.length} request${urls.length === 1 ? '' : 's'} for something outside the export's own pages (${urls.slice(0, 3).join(', ')}${urls.length > 3 ? ', …' : ''}); the export does not need them, but something in the decks asked for them.`,
  builds: (built: number, reused: number, ms: number) =>
    `briefdeck: ${built > 0 ? `built ${built} deck${built === 1 ? '' : 's'} with \`slidev build\`` : ''}${built > 0 && reused > 0 ? ', ' : ''}${reused > 0 ? `reused the unchanged build${reused === 1 ? '' : 's'} of ${reused} deck${reused === 1 ? '' : 's'}` : ''} (${seconds(ms)})`,
  buildFailed: (log: string) => `briefdeck: a deck did not build; Slidev said:\n${log}`,
  /** A deck's build under way (a terminal's line, redrawn in place) or done (a line of its own in CI and pipes). */
  buildProgress: (step: { deck: string; k: number; n: number; built: boolean; elapsedMs: number; leftMs?: number | undefined }) =>
    `briefdeck: ${step.built ? 'built' : 'building'} deck ${step.k} of ${step.n} (${step.deck}), ${seconds(step.elapsedMs)} elapsed${step.leftMs === undefined ? '' : `, about ${seconds(step.leftMs)} left`}`,
  noChromium: () => 'briefdeck: no Chromium found: run `npm run setup` (it installs one) or set BRIEFDECK_CHROMIUM to a Chromium.',
  slideUnprintable: (file: string, no: number, problem: string) =>
    `${file}: slide ${no} cannot be printed (${problem}); build the decks again with \`npm run build\`, or fix the slide if you wrote it by hand.`,
  siteDone: (dir: string, publicBuild: boolean, ms: number) =>
    `briefdeck: site in ${dir}${publicBuild ? ', without speaker notes' : ''} (${seconds(ms)}); serve the folder from any static file server, for example \`python3 -m http.server -d ${dir}\`.`,
} as const

/** Messages of `npm run site -- --shard` and `--assemble`. */
export const siteMessages = {
  badShard: (text: string) =>
    `--shard ${text}: give K/N, this run's share K of N shards (1 ≤ K ≤ N), for example --shard 2/4.\nRun \`npm run site -- --help\` for the options.`,
  shardNeedsDesk: () =>
    '--shard splits the briefings of content/ (or those named) between runs: it does not go with --brief or --decks.\nRun `npm run site -- --help` for the options.',
  assembleAlone: (option: string) =>
    `--assemble joins shards as they were built: ${option} belongs to each \`npm run site -- --shard K/N\` run, not to --assemble.\nRun \`npm run site -- --help\` for the options.`,
  assembleNothing: () => '--assemble needs the folders the shards were built into: `npm run site -- --assemble shard-1 shard-2 … --out dist`.',
  shardBuilt: (dir: string, shard: number, count: number, names: string[], desk: number) =>
    `briefdeck: shard ${shard}/${count} in ${dir}: ${names.length} of the desk's ${desk} briefing${desk === 1 ? '' : 's'}${names.length > 0 ? ` (${names.join(', ')})` : ''}; join the shards with \`npm run site -- --assemble DIR…\`.`,
  notAShard: (dir: string) =>
    `${dir} is not a shard: it has no .briefdeck-shard.json. Build each shard with \`npm run site -- --shard K/N --out DIR\`, then give those folders to --assemble.`,
  badManifest: (dir: string, problem: string) =>
    `${dir}/.briefdeck-shard.json cannot be read (${problem}): build that shard again with \`npm run site -- --shard K/N\`.`,
  shardsDisagree: (what: string, first: string, other: string) =>
    `The shards were not built alike: ${first} and ${other} differ in ${what}. Build every shard from the same commit with the same options, then assemble again.`,
  shardTwice: (shard: string, first: string, other: string) =>
    `${first} and ${other} are both shard ${shard}: give each shard's folder once.`,
  doubled: (name: string, first: string, other: string) =>
    `Briefing ${name} is in two shards, ${first} and ${other}: a briefing belongs to one shard only. Build the shards again from the same commit with the same N.`,
  missing: (names: string[], where: string[]) =>
    `The desk's briefing${names.length === 1 ? '' : 's'} ${names.map((name, i) => `${name} (shard ${where[i]})`).join(', ')} ${names.length === 1 ? 'is' : 'are'} in none of the shards given: build ${names.length === 1 ? 'that shard' : 'those shards'} and give ${names.length === 1 ? 'its' : 'their'} folder${names.length === 1 ? '' : 's'} to --assemble too.`,
  notInDesk: (name: string, dir: string) =>
    `Briefing ${name} in ${dir} is not one of the desk's briefings the other shards list: build every shard from the same commit, then assemble again.`,
  folderMissing: (dir: string, name: string) =>
    `${dir} lists briefing ${name} but has no ${name}/ folder: build that shard again, or give its whole folder.`,
  sharedDiffers: (file: string, first: string, other: string) =>
    `${file} differs between ${first} and ${other}: the shards were built with different versions of the project. Build every shard from the same commit, then assemble again.`,
  assembled: (dir: string, shards: number, briefings: number, ms: number) =>
    `briefdeck: site in ${dir}, joined from ${shards} shard${shards === 1 ? '' : 's'}: ${briefings} briefing${briefings === 1 ? '' : 's'} (${seconds(ms)}); serve the folder from any static file server, for example \`python3 -m http.server -d ${dir}\`.`,
} as const

function pluralS(slides: number[]): string {
  return slides.length === 1 ? '' : 's'
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`
}

/** Messages of `npm start` (presenting) and of the slide-fit check. */
export const presentMessages = {
  serving: (deck: string, audience: string, presenter: string) =>
    [
      `briefdeck: presenting ${deck} (localhost only; Ctrl-C stops it)`,
      `  audience view (projector): ${audience}`,
      `  presenter view (laptop):   ${presenter}`,
    ].join('\n'),
  badDeck: (value: string, decks: readonly string[]) =>
    `--deck ${value}: choose one of ${decks.join(', ')}.\nRun \`npm start -- --help\` for the options.`,
  badPort: (value: string) =>
    `--port ${value}: give a port number from 1024 to 65535.\nRun \`npm start -- --help\` for the options.`,
  portInUse: (port: number) =>
    `Port ${port} is already in use on this machine: stop what uses it, or choose another with --port.`,
  oneBriefing: (names: string[]) => `npm start presents one briefing at a time, not ${names.join(' and ')}: name one, and start another on another port (--port) if you need both.`,
  deckMissing: (file: string) => `No deck at ${file} after the build: run \`npm run build\` and check its messages.`,
  slidevFailed: (log: string) => `briefdeck: Slidev did not start:\n${log}`,
  slidevExited: (code: number | null) =>
    `briefdeck: Slidev stopped unexpectedly (exit code ${code ?? 'none'}); run \`npm start\` again.`,
  stopped: () => 'briefdeck: stopped presenting.',
  rebuilt: () => 'briefdeck: brief saved: decks rebuilt; the open views update by themselves.',
  keptLastGood: () => 'briefdeck: brief saved with problems (above): the last good decks stay on screen until the next good save.',
  rebuildFailed: (detail: string) => `briefdeck: could not rebuild: ${detail}`,
  slideTooLong: (slide: number, variant: string, percent: number): Message => ({
    ruleId: 'slide-too-long',
    reason: `Slide ${slide} of the ${variant} deck needs its text at about ${percent}% of the projection size to fit (headlines 24 pt, second lines and labels 18 pt), even with its section continued on further slides`,
    hint: 'Shorten the slide: a shorter headline for its bullet, title or bottom line in the extras file (.deck.yaml), or a shorter heading.',
  }),
} as const

/**
 * The presenter view's own words that the deck's language changes: the pacing
 * line (components/DeckPacing.vue, DeckRemote.vue) in the zh-Hant deck speaks
 * Chinese, in the others English; and the rehearsal table's steps (its rows
 * name each click by the headline it reveals; these only where none is known).
 */
export const pacingWords = {
  'zh-Hant': {
    left: (clock: string) => `剩餘 ${clock}`,
    over: (clock: string) => `超時 ${clock}`,
    thisSlide: (spent: string, budget: string) => `本頁 ${spent}／${budget}`,
    onTime: () => '準時',
    ahead: (clock: string) => `超前 ${clock}`,
    behind: (clock: string) => `落後 ${clock}`,
    aheadFirst: (clock: string) => `超前 ${clock}`,
    behindFirst: (clock: string) => `落後 ${clock}`,
    notStarted: () => '計時未開始',
    toggle: (running: boolean) => `時段進度：點一下${running ? '暫停' : '開始'}計時（離開標題頁時自動開始）`,
  },
  en: {
    left: (clock: string) => `${clock} left`,
    over: (clock: string) => `${clock} over`,
    thisSlide: (spent: string, budget: string) => `this slide ${spent} of ${budget}`,
    onTime: () => 'on time',
    ahead: (clock: string) => `${clock} ahead`,
    behind: (clock: string) => `${clock} behind`,
    /** The phone's line reads as prose: `behind 2:05`. */
    aheadFirst: (clock: string) => `ahead ${clock}`,
    behindFirst: (clock: string) => `behind ${clock}`,
    notStarted: () => 'timer not started',
    toggle: (running: boolean) => `Pacing against the slot: click to ${running ? 'pause' : 'start'} the timer (it starts by itself as you leave the title slide)`,
  },
} as const

export const rehearsalWords = {
  beforeFirstClick: () => 'before the first click',
  /** A step whose headline the deck does not carry (a deck built before it did). */
  click: (step: number) => `click ${step}`,
  slot: () => 'the slot',
} as const

/** What the presenting dev server answers to a request it refuses (scripts/present/read-only-rule.ts). */
export const guardMessages = {
  endpointOff: () => 'briefdeck presents read-only: this endpoint is off',
  otherSite: () => 'briefdeck answers only its own pages',
  unknownHost: () => 'briefdeck answers only at localhost, 127.0.0.1 or [::1]',
  openedByAnotherSite: () =>
    'briefdeck: a page of another site tried to open this presentation; it was refused. To open it yourself, type or paste its address into the address bar.',
  readOnly: () => 'briefdeck presents read-only: decks change only through `npm run build`',
  notJson: () => 'briefdeck: the presenter position is a JSON object (Content-Type: application/json)',
  tooLarge: () => 'briefdeck: too large for a presenter position',
  poisonedKey: () => 'briefdeck: a key that names a prototype (__proto__, constructor, prototype) is refused',
  badPath: () => 'briefdeck: this address cannot be decoded',
} as const

/** Messages of `npm start -- --lan` (presenting to a room). */
export const roomMessages = {
  building: () => "briefdeck: building the room's decks: the audience's without notes, the presenter's with them…",
  serving: (deck: string, audience: string, presenter: string, fingerprint?: string) =>
    [
      `briefdeck: presenting ${deck} to the room (Ctrl-C stops it). Audience (phones, screens, projector):`,
      audience,
      'Presenter view (notes, and the only way to move the room; keep this address to yourself):',
      presenter,
      ...(fingerprint
        ? [
            `  certificate SHA-256 ${fingerprint}`,
            '  (made for this talk, so the browser warns it is not trusted: open the certificate from the warning, check it shows this fingerprint, then go on — Chrome: Advanced, Proceed; Safari: Show Details, visit this website. If it differs, do not go on: another device is answering.)',
          ]
        : []),
    ].join('\n'),
  plainHttp: () =>
    'briefdeck: --plain-http: the presenter address goes over plain HTTP, so anyone on this network can read its secret and move the slides. Use it only on a network you trust.',
  plainHttpWithoutLan: () => '--plain-http only applies with --lan (presenting to other devices).\nRun `npm start -- --help` for the options.',
  exposed: (where: string) =>
    `Exposed on ${where}, to anyone on this network: the slides without their notes, and where the presenter is; the notes and moving the slides need the presenter address.`,
  hostWithoutLan: () => '--host only applies with --lan (presenting to other devices).\nRun `npm start -- --help` for the options.',
  badHost: (host: string) => `--host ${host}: this machine has no such address; give one of its addresses, or 0.0.0.0 for all.`,
  noNetwork: () => 'briefdeck: this machine has no network address but loopback; other devices cannot reach it yet.',
} as const

/** Messages of `npm run shots`. */
export const shotsMessages = {
  wrote: (count: number, dir: string, seconds: string) => `briefdeck: wrote ${count} screenshots into ${dir} (${seconds} s)`,
  noBrowser: () => 'briefdeck: no Chromium to take screenshots with: run `npm run setup`, or set BRIEFDECK_CHROMIUM to its path.',
} as const

/** Messages of `npm run setup`: what it found, what it installed, what it could not. */
export const setupMessages = {
  usingBrowser: (found: FoundBrowser) =>
    `briefdeck: using Chromium at ${found.executablePath} (${found.source === 'BRIEFDECK_CHROMIUM' ? 'from BRIEFDECK_CHROMIUM' : found.source === 'playwright' ? "Playwright's own" : "the system's"})`,
  tryingDownload: () => "briefdeck: no Chromium found; trying Playwright's download…",
  downloadedBrowser: (file: string) => `briefdeck: installed Playwright's Chromium at ${file}`,
  installingBrowser: () =>
    "briefdeck: the download failed; installing Debian's chromium package (apt-get install chromium)…",
  installedBrowser: (file: string) => `briefdeck: installed Chromium at ${file}`,
  noBrowser: () =>
    'briefdeck: no browser. Install Chromium (Debian: `sudo apt-get install chromium`; elsewhere: `npx playwright install chromium`) or set BRIEFDECK_CHROMIUM to its path.',
  usingTool: (command: string, file: string) => `briefdeck: using ${command} at ${file}`,
  installingTools: (packages: string[]) =>
    `briefdeck: installing Debian's ${packages.join(', ')} for the tests (apt-get install ${packages.join(' ')}; a few minutes)…`,
  installedTool: (command: string, file: string, debianPackage: string) =>
    `briefdeck: installed ${command} at ${file} (Debian's ${debianPackage})`,
  noTool: (command: string, debianPackage: string, purpose: string) =>
    `briefdeck: no ${command} (it ${purpose}): install ${debianPackage} (Debian: \`sudo apt-get install ${debianPackage}\`), then run \`npm test\` again.`,
} as const
