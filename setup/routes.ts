import { defineRoutesSetup } from '@slidev/types'
import { readRole } from './room-role.ts'

/**
 * A room's audience pages have the slides only: none of Slidev's presenter
 * routes (presenter view, notes, overview, entry). The audience build holds no
 * notes, but its presenter view would still publish its position to the other
 * windows of its origin: opened on a projector's browser by another site, it
 * would steer the projector. Elsewhere (presenter pages, dev server, site,
 * export) the routes stay as Slidev makes them.
 */
const PRESENTER_ROUTES = new Set(['entry', 'overview', 'notes', 'notes-edit', 'presenter'])

export default defineRoutesSetup((routes) => {
  const role = readRole()
  if (!role || role.position) return routes
  return routes.filter((route) => !PRESENTER_ROUTES.has(String(route.name)) && !route.path.startsWith('/presenter'))
})
