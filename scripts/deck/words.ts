/**
 * Small closed classes of words that decide where a derived headline may end.
 * Closed classes only: open classes (nouns, verbs, adjectives) cannot be
 * listed, so the rules ask "what may not end a headline", never "what may".
 */

const list = (words: string) => new Set(words.trim().split(/\s+/))

/** Words that start a relative or subordinate clause or a coordination: a headline may end just before them. */
export const CLAUSE_STARTERS = list(`
  which that who whom whose where when while because although though whereas unless
  and but or nor yet so thereby whilst
`)

/** Words that open a sentence whose main clause is still to come after the first comma. */
export const SUBORDINATORS = list(`
  although though while whilst because if when whenever since unless as whereas even once after before until
`)

/**
 * Words a headline must not end on: they promise something that follows.
 * Articles, determiners and possessives, prepositions, conjunctions,
 * auxiliaries and modals, the infinitive "to", and a few adverbs that modify
 * what comes next.
 */
export const FUNCTION_WORDS = new Set([
  ...list(`a an the this these those that each every any some no such another either neither both all
    my your his her its our their whose`),
  ...list(`of in on at to for with by from into onto upon about against among amid amongst between through
    throughout during without within under over above below after before towards toward across around
    behind beyond via per than as like despite including regarding concerning following unlike along
    alongside off out up down near inside outside versus vs`),
  ...list(`and or but nor so yet which who whom where when while because although though whereas unless
    if whether since until once lest`),
  ...list(`is are was were be been being am has have had do does did will would shall should can could
    may might must having`),
  ...list(`not only also even just very more most less least too rather quite nearly almost`),
  // Approximators: "about", "some" and the like promise the amount that follows.
  ...list(`roughly approximately around about some over under`),
])

/** Numbers written as words, which a range or a unit may follow as it follows digits: "one to two years". */
export const NUMBER_WORDS = list(`
  one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred dozen
  thousand million billion trillion
`)

/** Words between the two ends of a range ("one to two", "10 to 15") or a reduplication ("year by year"). */
export const RANGE_LINKS = list(`to through - – — or`)
export const REDUPLICATION_LINKS = list(`by after for upon to`)

/** Words that scale or measure the number before them: "3 billion", "12 per cent", "40 km". */
export const NUMBER_UNITS = list(`
  hundred thousand million billion trillion bn m k per percent cent % km kg kw kwh mw mwh gw gwh twh
  tonnes tons t years months days hours
`)

/** Chinese words a headline must not end on: particles, prepositions, conjunctions, determiners. */
export const ZH_FUNCTION_WORDS = list(`
  的 之 和 與 及 並 或 在 對 把 被 將 以 為 從 向 於 由 而 但 且 是 其 這 那 該 各 每 一 把 給 讓 使 若 如
  因 因為 由於 雖然 儘管 如果 以及 並且 而且 但是 或者 關於 對於 通過 透過 包括 將會 已經 正在
  不 沒 沒有 未 並未 非 會 能 能夠 可以 可能 應 應該 需要 要 必須 仍 也 都 還 更 最 很
  至 到 升至 降至 增至 減至 達 達到
  約 大約 近 將近 逾 超過 高達 多達 至少 不到 不足 近乎 約為 逐 比 較 新臺幣 人民幣 港幣 美金
  最高 最多 最少 最低 僅 只 只有 僅有 僅為 每
  稱為 成為 視為 列為 名為 將於 在於 位於 屬於 處於 基於
`)

/** A word ending in one of these needs what follows, as the character alone does: 已達, 增至, 約為, 將於. */
export const ZH_NEEDS_MORE_END = /[達至到約逾近為於將把被對從向與和及或的之在其]$/u
/** Words that end so and stand on their own: 到達, 最近, 認為, 自由. */
export const ZH_WHOLE_WORDS = list(`到達 抵達 發達 通達 送達 傳達 表達 轉達 下達 最近 附近 鄰近 認為 行為 作為 以為 無為 有為
  自由 理由 經由 事由 方向 面對 反對 相對 絕對 針對 核對 應對 普及 危及 波及 目的 之 總之 隨之 因之
  存在 現在 實在 所在 自在 內在 外在 尤其 極其 與其 北約 條約 合約 契約 公約 制約 節約 預約 簽約`)

/** Chinese numerals and digits: a range (兩至三年, 2025–2027) must not be cut between its two ends. */
export const ZH_NUMERAL_END = /[\d一二兩三四五六七八九十百千萬%％]$/u
/** A scaled number (1,250億) is read with the currency or unit after it (億美元, 萬噸). */
export const ZH_SCALED_NUMBER_END = /\d[\d,.]*\s?[萬億兆千百]+$/u
/** A Chinese numeral, with its measure word, is read with the unit after it: 兩個月, 三年. */
export const ZH_COUNT_END = /[\d一二兩三四五六七八九十百千]個?$/u
export const ZH_COUNT_UNIT_REST = /^[個年月日天週周時分秒人次倍]/u
export const ZH_UNIT_REST = /^(?:元|美元|日圓|日元|歐元|英鎊|人民幣|噸|公噸|人|個|倍|年|%|％|[A-Za-z])/u
export const ZH_RANGE_REST = /^\s?[至到~～–—-]\s?[\d一二兩三四五六七八九十]/u

/** Chinese words that open a phrase (prepositions, coordinators, auxiliaries): a headline may end just before them. */
export const ZH_PHRASE_STARTERS = list(`在 對 把 被 將 以 為 從 向 於 由 與 和 及 或 通過 透過 對於 關於 包括 隨著 針對 按照 根據
  要 會 能 是 可能 應 應該 需要 必須 已 已經 正在 仍 仍然`)

/** Chinese verbs of saying and finding: a clause ending on one awaits what was said or found. */
export const ZH_SPEECH_VERBS = list(`表示 指出 認為 稱 說 強調 宣布 宣稱 寫道 警告 承認 聲稱 提到 發現 顯示 預計 估計`)

/** Chinese words that open a clause or a coordination: a headline may end just before them. */
export const ZH_CLAUSE_STARTERS = list(`
  並 而 但 且 以及 並且 而且 但是 因此 所以 從而 進而 以便 或 或者 同時 以免 藉此
`)

/** Chinese words that open a subordinate clause: its main clause follows the first comma. */
export const ZH_SUBORDINATORS = list(`雖然 儘管 如果 因為 由於 即使 只要 假如 若 倘若 除非 隨著`)

/** Characters that measure or count the number before them: "2030年", "40％", "3億". */
export const ZH_NUMBER_UNITS = /^[年月日時分秒％%萬億千百十元個人次倍度兆噸公毫吉瓩桶座艘架項名位家]/u

/** Abbreviations whose period does not end a sentence. */
export const ABBREVIATIONS = list(`mr mrs ms dr prof st no vs etc e.g i.e cf fig approx jan feb mar apr jun jul aug sep sept oct nov dec`)
