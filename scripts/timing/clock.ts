/**
 * Durations as a presenter reads them: `m:ss` (`0:42`, `10:00`, `75:05`).
 * Shared by the decks' notes and the presenter view's pacing panel.
 */
export function formatClock(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds))
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`
}

/** The longest slot `--minutes` and `minutes:` accept: ten hours. */
export const MAX_SLOT_MINUTES = 600

/** A slot length as typed (`10`, `7.5`): a number of minutes above 0 and at most ten hours, else undefined. */
export function parseMinutes(text: string): number | undefined {
  if (!/^\d+(\.\d+)?$/.test(text.trim())) return undefined
  const minutes = Number(text)
  return minutes > 0 && minutes <= MAX_SLOT_MINUTES ? minutes : undefined
}
