import type { Lang } from '../brief/model.ts'
import { findFigures } from './figures.ts'
import { ZH_NEEDS_MORE_END, ZH_WHOLE_WORDS } from './words.ts'

/**
 * What a sub-editor drops from a bullet before cutting it to a headline, in
 * order: who said it (attribution), glosses in brackets, the time or place
 * it opens with, and the connective that ties it to the bullet before. Each
 * step only deletes: every word left is the bullet's own, in its order (the
 * first letter of an English headline may become a capital). A part that
 * holds a figure other than a year is never dropped.
 */
export function compressions(text: string, lang: Lang): string[] {
  const steps = lang === 'en' ? EN_STEPS : ZH_STEPS
  const levels: string[] = []
  let current = text
  for (const step of steps) {
    const next = tidy(step(current), lang)
    if (next !== current && next.length > 0 && keepsFigures(current, next, lang)) {
      current = next
      levels.push(current)
    }
  }
  return levels
}

type Step = (text: string) => string

/** A deletion that would drop a non-year figure is no compression: the figure is the point. */
function keepsFigures(before: string, after: string, lang: Lang): boolean {
  const count = (text: string) => findFigures(text, lang).filter((f) => !f.year).length
  return count(after) === count(before)
}

function tidy(text: string, lang: Lang): string {
  if (lang === 'zh-Hant') return text.replace(/^[，、；：,\s]+/u, '')
  const trimmed = text.replace(/^[,;:\s]+/u, '').replace(/\s{2,}/g, ' ').replace(/\s+([,.;:!?])/g, '$1')
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1)
}

// —— Chinese ——

const ZH_SAY = '表示|指出|認為|強調|宣布|宣稱|聲稱|預估|預計|估計|估算|預測|稱|說|顯示|發現|報導|警告|坦言|透露'

const ZH_STEPS: Step[] = [
  // 「經濟部預估，至2031年…」「數據顯示，…」「據路透社報導，…」: a leading clause that only says who says it.
  (t) => t.replace(new RegExp(`^(?:(?:據|根據)[^，。；：,]{1,16}|[^，。；：,]{0,14}?(?:${ZH_SAY}))[，：:,]`, 'u'), ''),
  // 「台積電（TSMC）表示其…」: the speaker stays as the subject, the verb of saying and 其 go.
  (t) => t.replace(new RegExp(`^([^，。；：,]{1,14}?)(?:${ZH_SAY})(?:其|該)`, 'u'), '$1'),
  // 「中央政府表示將…」 with no comma: the clause after the verb is the point.
  (t) => t.replace(new RegExp(`^[^，。；：,「『（(]{1,10}?(?:表示|指出|認為|強調|宣布)(?=[^，。；：,]{4,})`, 'u'), ''),
  // Glosses: （TSMC）, （見附件〔B〕）, (IEA) — brackets with no figure in them.
  // Not after a word that needs it as its object (「稱為（…）」).
  (t) =>
    t.replace(/[（(][^（）()]{1,24}[）)]/gu, (gloss, at: number) =>
      findFigures(gloss, 'zh-Hant').some((f) => !f.year) || (ZH_NEEDS_MORE_END.test(t.slice(0, at)) && !ZH_WHOLE_WORDS.has(t.slice(at - 2, at))) ? gloss : '',
    ),
  // Leading time and place: 「至2031年」「在中共二十大上，」「國家補助方面，」「近年來，」 (a phrase other than a year only before its comma).
  (t) =>
    t
      .replace(/^(?:至|到|在|於|自|從|截至)?\s?\d{4}\s?年(?:\d{1,2}月)?(?:前|底|初|中|時|以前|以來|起)?(?![的之])[，,]?/u, '')
      .replace(/^(?:(?:在|於)[^，。；：,]{1,14}?(?:上|中|期間|方面|時|之際|以來)|[^，。；：,]{1,10}?(?:方面|期間)|近年來?|目前|去年|今年|明年|日前|近期|過去[^，。；：,]{0,6}?(?:年|月)(?:來|間)?)[，,]/u, ''),
  // The connective to the bullet before: 「因此，」「此外，」「然而」, and a 其 left without its speaker.
  (t) => t.replace(/^(?:因此|所以|此外|另外|同時|然而|不過|但是|但|而且|並且|而|另一方面|總之|換言之|因為|由於)[，,]?/u, '').replace(/^其(?=[^，。；：,]{3,})/u, ''),
]

// —— English ——

const EN_SAY =
  'says?|said|reports?|reported|estimates?|estimated|expects?|expected|projects?|projected|forecasts?|forecast|notes?|noted|believes?|believed|claims?|claimed|warns?|warned|indicates?|indicated|shows?|showed|shown|finds?|found|argues?|argued|stresses?|stressed|announced|predicts?|predicted|suggests?|suggested'

const EN_STEPS: Step[] = [
  // "According to the ministry, …".
  (t) => t.replace(/^According to [^,;:]{1,60}, /u, ''),
  // "TSMC says its recycling rate …": the speaker stays as the subject ("their" stays: "operators reservoirs" is no English).
  (t) => t.replace(new RegExp(`^([A-Z][^,;:.]{0,50}?) (?:${EN_SAY}) (?:that )?its `, 'u'), '$1 '),
  // "The ministry estimates that …", "Officials said, …": only before "that" or a comma, where a clause of its own follows
  // ("Clinics report shortages" keeps its subject).
  (t) => t.replace(new RegExp(`^[A-Z][^,;:.]{0,50}? (?:${EN_SAY})(?: that|,) (?=\\S+ \\S+ \\S+)`, 'u'), ''),
  // A name glossed with its acronym is the acronym: "Taiwan's Industrial Technology Research Institute (ITRI)" → "ITRI".
  (t) =>
    t.replace(/(?:\b(?:The|the|Taiwan's|China's) )?((?:[A-Z][\w’'-]*)(?: (?:of|and|for|on|the|[A-Z][\w’'-]*))*) \(([A-Z]{2,6})\)/gu, (whole, name: string, acronym: string) =>
      name.startsWith(acronym[0]!) ? acronym : whole,
    ),
  // Glosses: (ITRI), (see annex [B]) — brackets with no figure in them.
  (t) => t.replace(/ ?\((?:[^()]|\[[^\]]*\]){1,40}\)/gu, (gloss) => (findFigures(gloss, 'en').some((f) => !f.year) ? gloss : '')),
  // Leading time and place: "By 2031 …", "In the 20th CCP Congress, …", "Last year, …" (a phrase of a few words, before its comma).
  (t) =>
    t
      .replace(/^(?:In|By|Since|From|Until|Before|After) (?:the (?:end|start|middle) of )?\d{4},? (?=\S+ \S+)/u, '')
      .replace(/^(?:(?:In|By|Since|From|Until|Through|During|At|On|Over|Across|Within|After|Before|Under)(?: [^\s,;:]+){1,5}|(?:Last|This|Next|Earlier|Later) (?:year|month|week)|Recently|Currently|Today|So far), /u, ''),
  // The connective to the bullet before.
  (t) => t.replace(/^(?:Therefore|Thus|Hence|Moreover|Furthermore|However|Meanwhile|In addition|Also|Additionally|Consequently|Still|Yet|And|But|So|While|Whereas|Because|As),? /u, ''),
  // Adverbs a headline does without: "will still trail", "has already reached".
  (t) => t.replace(/ (?:still|also|already|currently|now|further|even|significantly|largely|reportedly)(?= )/gu, ''),
]

/**
 * A headline may also go without the article it opens with ("Taoyuan–Hsinchu
 * pipeline can move…"): the last thing dropped, only to keep a figure.
 */
export function withoutArticle(text: string, lang: Lang): string | undefined {
  if (lang !== 'en') return undefined
  const rest = text.replace(/^(?:The|A|An) (?=\S)/u, '')
  return rest === text ? undefined : rest.charAt(0).toUpperCase() + rest.slice(1)
}
