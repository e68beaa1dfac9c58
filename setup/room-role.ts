/**
 * The role briefdeck's room server (scripts/present/room-files.ts) marks in
 * each page it serves: where the page follows the room's position, and, for the
 * presenter's pages only, where it posts its own. A deck served any other way
 * (dev server, static site, export) has no mark.
 */
export interface RoomRole {
  events: string
  position?: string
  /** Where a presenter page posts the languages the room shows. */
  show?: string
  /** The QR code of the presenter's address, for a phone (components/DeckPhone.vue). */
  phone?: string
}

/** The same name as scripts/present/room-files.ts (which the browser cannot import: it reads files). */
export const ROLE_META = 'briefdeck-room'

export function readRole(): RoomRole | undefined {
  if (typeof document === 'undefined') return undefined
  const content = document.querySelector(`meta[name="${ROLE_META}"]`)?.getAttribute('content')
  if (!content) return undefined
  try {
    return JSON.parse(content) as RoomRole
  } catch {
    return undefined
  }
}
