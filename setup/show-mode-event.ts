/**
 * Fired on window after the bilingual deck's shown languages changed, so that
 * layouts can fit the slide again. A module of its own: the export's print
 * page renders the components without Slidev, where setup/show-mode.ts (which
 * reads Slidev's configs) cannot load.
 */
export const SHOW_MODE_EVENT = 'briefdeck:show-mode'

/** Fired on window after the presenter's notes languages changed (setup/notes-lang.ts): the notes panel follows its bullet again. */
export const NOTES_LANG_EVENT = 'briefdeck:notes-lang'
