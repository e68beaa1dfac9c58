import { existsSync } from 'node:fs'
import path from 'node:path'
import { writeFilesTogether } from '../io/write-files.ts'
import { cliMessages } from '../messages.ts'
import { extrasPathFor } from '../project.ts'

/**
 * `--write-extras`: writes `NAME.deck.yaml` beside the brief — a draft of
 * every line when there is none; else the author's file with only what went
 * stale redrafted, new bullets drafted and removed ones dropped (every line
 * whose brief text is unchanged kept as written), and says which.
 */
export async function writeExtrasDraft(
  briefPath: string,
  draft: { text: string; changes: string[] },
  display: (file: string) => string,
  say: (line: string) => void,
): Promise<void> {
  const file = extrasPathFor(briefPath)
  const existed = existsSync(file)
  // Renamed into place: an editor or `npm start` watching the file never reads it half-written.
  await writeFilesTogether(path.dirname(file), { [path.basename(file)]: draft.text })
  say(existed ? cliMessages.extrasRedrafted(display(file), draft.changes) : cliMessages.extrasDrafted(display(file)))
}
