/**
 * The rehearsal's recording, kept in this browser's storage (a reload of the
 * presenter view keeps it; nothing is sent to the server). One per deck: a
 * site serves each deck under its own base path.
 */
import { EMPTY_RECORDING, type Recording } from '../scripts/timing/rehearsal.ts'

function storageKey(): string {
  return `briefdeck:rehearsal:${import.meta.env.BASE_URL}`
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
