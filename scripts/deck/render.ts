import type { Scheme } from './scheme.ts'
import type { Lang, SourceText } from '../brief/model.ts'
import type { DeckContent } from './content.ts'
import { escapeAttribute, escapeMarkdownInline } from './escape.ts'
import { sectionSlides, slideHeading, type DeckLayout } from './fit.ts'
import { labels } from './labels.ts'
import type { BudgetPlan } from '../timing/budget.ts'
import { formatClock } from '../timing/clock.ts'
import { lineRange, noteClick, noteParagraph, planNote, sourceNote, timeNote } from './notes.ts'
import { noteLangsOf, variantHtmlLang, variantLangs, type Variant } from './variant.ts'

export interface RenderOptions {
  /**
   * The project root as Slidev's addon path, relative to the deck's folder
   * (`@/..` for `slides/`): it makes `components/` and the styles visible to
   * decks in any folder of the project.
   */
  addonPath: string
  /** The notes' language, when the presenter reads another language than the slides show. */
  notes?: Lang | undefined
  /** End each note with the brief's file and line range of the slide's text. */
  sourceReference: boolean
  /** The time budget of each slide and click, for the notes and the presenter view (scripts/timing/plan.ts). */
  plan: BudgetPlan
  /** Where long sections continue on a next slide, and the deck's type scales (scripts/deck/fit.ts). */
  layout: DeckLayout
  /**
   * The slot was given (`--minutes`, `minutes:`), not derived from the notes: only then does the
   * headmatter carry it, as it does not change when the brief's text does.
   */
  fixedSlot: boolean
  /** The slides' colours (scripts/deck/scheme.ts); light when left out. */
  scheme?: Scheme | undefined
}

/** The component prop that carries each language's text. */
const PROP: Record<Lang, string> = { 'zh-Hant': 'zh', en: 'en' }

/**
 * A Slidev deck in one variant: title slide, bottom-line slide (the lede),
 * one slide per section whose points appear one click at a time — a long
 * section over several, each after the first titled as continued. Slides
 * show headlines; notes carry the brief's text, each point tied to its click.
 * Every slide carries the type scale the build chose for it (`scale`).
 */
export function renderDeck(content: DeckContent, variant: Variant, options: RenderOptions): string {
  const langs = variantLangs(variant)
  const noteLangs = noteLangsOf(variant, options.notes)
  const { plan, layout } = options
  /** `scale="…"`, and in the bilingual deck each language's deck's scale for when it shows that language alone. */
  const scales = (of: (variant: Variant) => number) =>
    [`scale="${of(variant)}"`, ...(langs.length > 1 ? langs.map((lang) => `${PROP[lang]}-scale="${of(lang)}"`) : [])].join(' ')
  const titleScale = scales((v) => layout.titleScale[v][0])
  const bottomScale = scales((v) => layout.titleScale[v][1])
  const sectionScale = scales((v) => layout.sectionScale[v])
  /** The notes' last lines: the slide's budget, then where its text stands in the brief, per language. */
  const source = (ranges: (lang: Lang) => string) =>
    options.sourceReference
      ? noteLangs.map((lang) => sourceNote(content.source, [...new Set(noteLangs.map(ranges))], lang))
      : []
  const timing = (index: number) => {
    const slide = plan.slides[index]
    if (!slide) return []
    return noteLangs.map((lang) => timeNote(labels.slideTime[lang](formatClock(slide.budget), formatClock(slide.end)), lang))
  }
  const linesOf = (texts: (lang: Lang) => SourceText[]) => (lang: Lang) => lineRange(texts(lang))

  const slides = [
    renderSlide(
      headmatter(content, variant, langs, options.addonPath, options.fixedSlot ? plan.slot : undefined, options.scheme),
      [
        '<DeckTitle',
        `  ${props(langs, (lang) => content.title[lang])}`,
        ...subtitleProps(content, langs),
        `  ${titleScale}`,
        '/>',
      ].join('\n'),
      [
        ...noteLangs.map((lang) =>
          planNote(labels.speakingTime[lang](formatClock(plan.expected), formatClock(plan.slot)), lang),
        ),
        ...timing(0),
        // The title slide speaks for the whole brief.
        ...source(() => `1–${content.lineCount}`),
      ],
    ),
    renderSlide(
      [titleOf(langs, (lang) => content.lede.headline[lang]), ...pacing(plan, 1)].join('\n'),
      `<DeckBottomLine ${props(langs, (lang) => content.lede.headline[lang])} ${props(langs, (lang) => labels.bottomLine[lang], 'label')} ${bottomScale} />`,
      [
        ...noteLangs.map((lang) => noteParagraph(content.lede.detail[lang].text, lang)),
        ...timing(1),
        ...source(linesOf((lang) => [content.lede.detail[lang]])),
      ],
    ),
    ...sectionSlides(content, layout.parts).map((slide, i) =>
      renderSlide(
        [
          titleOf(langs, (lang) => slideHeading(slide, lang)),
          ...pacing(plan, 2 + i),
          headlines(langs, slide.points.map((point) => point.headline)),
        ].join('\n'),
        [
          `<DeckSection ${props(langs, (lang) => slideHeading(slide, lang))} ${sectionScale}>`,
          ...slide.points.map((point) => `<DeckPoint v-click ${props(langs, (lang) => point.headline[lang])} />`),
          '</DeckSection>',
        ].join('\n'),
        [
          ...noteLangs.map((lang) => noteParagraph(slideHeading(slide, lang), lang)),
          ...slide.points.map((point) => noteClick(point, noteLangs)),
          ...timing(2 + i),
          // A continued slide's heading stands on the section's first slide, in the brief's lines there.
          ...source(linesOf((lang) => [...(slide.part === 0 ? [slide.heading[lang]] : []), ...slide.points.map((point) => point.detail[lang])])),
        ],
      ),
    ),
  ]
  return slides.join('\n')
}

/**
 * A slide's part of the plan, in its own frontmatter, read by components/DeckPacing.vue: the
 * seconds elapsed at its start and its budget per click step. The title slide needs none: its
 * budget is the next slide's start. Not in the headmatter: Slidev reloads the page when the
 * headmatter changes, and every edit of the brief's text changes the plan; a slide's own
 * frontmatter it updates in place.
 */
function pacing(plan: BudgetPlan, index: number): string[] {
  const slide = plan.slides[index]
  if (!slide) return []
  return [`pacing: { start: ${slide.end - slide.budget}, steps: ${JSON.stringify(slide.steps)} }`]
}

/**
 * The headline each click reveals, by language, for the rehearsal table's rows
 * (components/DeckRehearsal.vue): Slidev gives the presenter view a slide's
 * frontmatter, not its body. JSON, read as text there, never as markup; in the
 * slide's own frontmatter, which Slidev updates in place as the brief is edited.
 */
function headlines(langs: Lang[], points: Record<Lang, string>[]): string {
  const json = JSON.stringify(points.map((headline) => Object.fromEntries(langs.map((lang) => [lang, headline[lang]]))))
  // As YAML's (and JSON's) \u escapes: `<`, `>`, `&` (no comment, tag or entity), the line breaks JSON
  // leaves as they are (U+0085, U+2028, U+2029), and a hyphen before another (Slidev's parser ends the
  // frontmatter at the first `---`, even inside a line).
  return `headlines: ${json.replace(/[<>&\u007f-\u009f\u2028\u2029]|-(?=-)/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)}`
}

/**
 * The deck's settings, as the first slide's frontmatter. Nothing in it may follow the brief's
 * text: Slidev answers a changed headmatter with a full reload of every open view.
 */
function headmatter(content: DeckContent, variant: Variant, langs: Lang[], addonPath: string, fixedSlot: number | undefined, scheme: Scheme | undefined): string {
  return [
    `# Generated by briefdeck from ${content.source}: edit the brief and run \`npm run build\`, not this file.`,
    'theme: default',
    "titleTemplate: '%s'",
    titleOf(langs, (lang) => content.title[lang]),
    `lang: ${variantHtmlLang(variant)}`,
    'addons:',
    `  - ${yamlString(addonPath)}`,
    // No web fonts and no remote favicon: decks must work with no network.
    'fonts:',
    '  provider: none',
    'favicon: false',
    'colorSchema: light',
    'transition: none',
    'drawings:',
    '  enabled: false',
    `exportFilename: ${variant}`,
    // A given slot, in seconds: Slidev's timer bar in the presenter view fills up over it.
    ...(fixedSlot === undefined ? [] : [`duration: ${fixedSlot}`]),
    // Read by setup/show-mode.ts: only a deck with two languages can switch between them.
    'briefdeck:',
    `  languages: [${langs.join(', ')}]`,
    // Read by setup/scheme.ts and the PPTX: only a dark deck says so (a light one is as before).
    ...(scheme === 'dark' ? ['  scheme: dark'] : []),
    // Read by the site's index (scripts/site/briefing-facts.ts).
    ...(content.date === undefined ? [] : [`  date: "${content.date}"`]),
    'layout: default',
  ].join('\n')
}

function subtitleProps(content: DeckContent, langs: Lang[]): string[] {
  const subtitled = langs.filter((lang) => content.subtitle[lang] !== undefined)
  return subtitled.length > 0 ? [`  ${props(subtitled, (lang) => content.subtitle[lang] ?? '', 'subtitle')}`] : []
}

/**
 * One slide: frontmatter, body, then the notes as the slide's last comment
 * (Slidev reads only the last comment as notes).
 */
function renderSlide(frontmatter: string, body: string, noteLines: string[]): string {
  return `---\n${frontmatter}\n---\n\n${body}\n\n<!--\n${noteLines.join('\n\n')}\n-->\n`
}

/** A slide `title`, as Slidev shows it in its navigation and in the page's `<title>`. */
function titleOf(langs: Lang[], value: (lang: Lang) => string): string {
  const spans = langs.map((lang) => `<span v-pre lang="${lang}">${escapeMarkdownInline(value(lang))}</span>`)
  return `title: ${yamlString(spans.join(' · '))}`
}

/** `zh="…" en="…"`: one attribute per language, escaped as data. */
function props(langs: Lang[], value: (lang: Lang) => string, suffix = ''): string {
  return langs
    .map((lang) => `${suffix ? `${PROP[lang]}-${suffix}` : PROP[lang]}="${escapeAttribute(value(lang))}"`)
    .join(' ')
}

/** A YAML double-quoted scalar; JSON's string syntax is a subset of it. */
function yamlString(value: string): string {
  return JSON.stringify(value)
}
