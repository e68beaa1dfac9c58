/**
 * The rehearsal's recording, kept in this browser's storage (a reload of the
 * presenter view keeps it; nothing is sent to the server). One per deck: a
 * site serves each deck under its own base path, a one-file deck has its own path.
 */
import { EMPTY_RECORDING, type Recording } from '../scripts/timing/rehearsal.ts'

function storageKey(): string {
  // Every file:// page shares one storage and one base (`./`): a deck opened as one file keys by its path.
  const file = location.protocol === 'file:' ? location.pathname : ''
  return `briefdeck:rehearsal:${import.meta.env.BASE_URL}${file}`
}

export function loadRecording(): Recording {
  try {
    const stored = JSON.parse(localStorage.getItem(storageKey()) ?? 'null') as Recording | null
    return stored && Array.isArray(stored.stretches) && typeof stored.seen === 'number' ? stored : EMPTY_RECORDING
  } catch {
    return EMPTY_RECORDING
  }
}

export function saveRecording(recording: Recording): void {
  localStorage.setItem(storageKey(), JSON.stringify(recording))
}
