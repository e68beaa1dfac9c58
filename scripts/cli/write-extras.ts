import { writeFile } from 'node:fs/promises'
import type { DeckContent } from '../deck/content.ts'
import { draftExtras } from '../extras/draft.ts'
import { cliMessages } from '../messages.ts'
import { extrasPathFor } from '../project.ts'

/**
 * `--write-extras`: drafts `NAME.deck.yaml` beside the brief from what the
 * build derived. An existing file is the author's work: it is never replaced.
 */
export async function writeExtrasDraft(
  briefPath: string,
  content: DeckContent,
  display: (file: string) => string,
  say: (line: string) => void,
): Promise<void> {
  const file = extrasPathFor(briefPath)
  try {
    // 'wx' fails if the file exists, even one created since the build read the folder.
    await writeFile(file, draftExtras(content), { flag: 'wx' })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    say(cliMessages.extrasKept(display(file)))
    return
  }
  say(cliMessages.extrasDrafted(display(file)))
}
