/**
 * Where the presenter stands against the plan, live: the plan the build put
 * in each slide's frontmatter (`pacing:`, which Slidev updates in place when
 * the brief is edited while presenting) and Slidev's shared timer, read once
 * for the pacing panel (components/DeckPacing.vue) and the phone's remote (components/DeckRemote.vue).
 */
import { sharedState, useNav } from '@slidev/client'
import configs from '#slidev/configs'
import { computed, onBeforeUnmount, onMounted, ref } from 'vue'
import { pacingWords } from '../scripts/messages.ts'
import { formatClock } from '../scripts/timing/clock.ts'
import { paceAt, planFromSlides, type SlidePacing } from '../scripts/timing/pace.ts'
import { spentOn, timerElapsed } from '../scripts/timing/slide-times.ts'

/** The language the pacing speaks: the zh-Hant deck's is Chinese; the en and bilingual decks' English. */
export function paceLang(): 'zh-Hant' | 'en' {
  // Written by the build (scripts/deck/render.ts); Slidev passes unknown headmatter keys through.
  const languages = (configs as { briefdeck?: { languages?: string[] } }).briefdeck?.languages ?? []
  return languages.length === 1 && languages[0] === 'zh-Hant' ? 'zh-Hant' : 'en'
}

export function usePace() {
  const { currentSlideNo, clicks, slides } = useNav()
  const lang = paceLang()
  const words = pacingWords[lang]
  const plan = computed(() =>
    planFromSlides(slides.value.map((route) => route.meta.slide.frontmatter.pacing as SlidePacing | undefined)),
  )

  // The timer's own clock ticks only in Slidev's timer component: this one keeps its own.
  const now = ref(Date.now())
  let tick: ReturnType<typeof setInterval> | undefined
  onMounted(() => (tick = setInterval(() => (now.value = Date.now()), 250)))
  onBeforeUnmount(() => clearInterval(tick))

  const elapsed = computed(() => timerElapsed(sharedState.timer, now.value))
  const started = computed(() => sharedState.timer.status !== 'stopped')
  const pace = computed(() => plan.value && paceAt(plan.value, currentSlideNo.value, clicks.value, elapsed.value / 1000))
  const spent = computed(() => spentOn(sharedState.timer.slides ?? {}, currentSlideNo.value, elapsed.value) / 1000)
  const state = computed(() => (started.value ? pace.value?.state : 'not-started'))
  /** `2:05 behind`, `on time`, or `timer not started` (in the zh-Hant deck `落後 2:05`…). */
  const verdict = computed(() => {
    const current = pace.value
    if (!current || !started.value) return words.notStarted()
    if (current.state === 'on-time') return words.onTime()
    return words[current.state](formatClock(current.by))
  })
  /** `behind 2:05`, as a line of prose reads it (the phone's remote). */
  const verdictFirst = computed(() => {
    const current = pace.value
    if (!current || !started.value || current.state === 'on-time') return verdict.value
    return current.state === 'ahead' ? words.aheadFirst(formatClock(current.by)) : words.behindFirst(formatClock(current.by))
  })
  const left = computed(() => {
    const seconds = pace.value?.left ?? 0
    // Rounded up while counting down, as a countdown shows 10:00 until a whole second has passed.
    return seconds >= 0 ? words.left(formatClock(Math.ceil(seconds))) : words.over(formatClock(Math.ceil(-seconds)))
  })
  /** `this slide 0:30 of 0:42` (`本頁 0:30／0:42`). */
  const thisSlide = computed(() => words.thisSlide(formatClock(spent.value), formatClock(pace.value?.budget ?? 0)))
  return { plan, pace, elapsed, started, spent, state, verdict, verdictFirst, left, thisSlide, lang, words }
}
