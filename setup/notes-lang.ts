/**
 * The languages of the presenter's notes, in the bilingual deck: the
 * presenter's own choice, apart from the languages the room is shown
 * (setup/show-mode.ts). By default the notes follow the room; a presenter who
 * puts the room on 中文 only may keep reading the English notes. Kept in this
 * browser (localStorage, per deck), never sent to the room: only the
 * presenter's view has notes.
 *
 * Set as an attribute on <html> only when it is not "follow"; setup/show-mode.css
 * then hides the other language in the notes by it instead of by the room's.
 */
import { NOTES_LANG_EVENT } from './show-mode-event.ts'

export const NOTES_CHOICES = ['follow', 'both', 'zh-Hant', 'en'] as const
export type NotesChoice = (typeof NOTES_CHOICES)[number]

const ATTRIBUTE = 'data-deck-notes'

function storageKey(): string {
  return `briefdeck:notes:${import.meta.env.BASE_URL}`
}

function isNotesChoice(value: unknown): value is NotesChoice {
  return typeof value === 'string' && (NOTES_CHOICES as readonly string[]).includes(value)
}

export function currentNotesChoice(): NotesChoice {
  const value = document.documentElement.getAttribute(ATTRIBUTE)
  return isNotesChoice(value) ? value : 'follow'
}

function apply(choice: NotesChoice): void {
  if (choice === 'follow') document.documentElement.removeAttribute(ATTRIBUTE)
  else document.documentElement.setAttribute(ATTRIBUTE, choice)
  window.dispatchEvent(new CustomEvent(NOTES_LANG_EVENT, { detail: choice }))
}

export function setNotesChoice(choice: NotesChoice): void {
  localStorage.setItem(storageKey(), choice)
  apply(choice)
}

/** follow the room → both → 中文 → English → follow the room. */
export function cycleNotesChoice(): void {
  setNotesChoice(NOTES_CHOICES[(NOTES_CHOICES.indexOf(currentNotesChoice()) + 1) % NOTES_CHOICES.length]!)
}

/** Reads the stored choice, and follows changes made in the other windows of this browser. */
export function initNotesLang(): void {
  const stored = localStorage.getItem(storageKey())
  if (isNotesChoice(stored)) apply(stored)
  window.addEventListener('storage', (event) => {
    if (event.key === storageKey() && isNotesChoice(event.newValue)) apply(event.newValue)
  })
}
