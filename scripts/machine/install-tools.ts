import { setupMessages } from '../messages.ts'
import { aptInstall, canAptInstall, type Machine, type Reporter, thisMachine } from './machine.ts'
import type { Tool } from './test-tools.ts'

/**
 * Finds each tool on PATH, or installs the missing ones from Debian's packages
 * (in one apt-get call) where this user may. Says one line a tool. True when
 * every tool is there at the end.
 */
export function ensureTools(tools: readonly Tool[], say: Reporter, machine: Machine = thisMachine): boolean {
  const missing: Tool[] = []
  for (const tool of tools) {
    const found = machine.which(tool.command)
    if (found) say(setupMessages.usingTool(tool.command, found))
    else missing.push(tool)
  }
  if (missing.length === 0) return true
  if (canAptInstall(machine)) {
    say(setupMessages.installingTools(missing.map((tool) => tool.debianPackage)))
    aptInstall(missing.map((tool) => tool.debianPackage), machine)
  }
  let complete = true
  for (const tool of missing) {
    const installed = machine.which(tool.command)
    if (installed) say(setupMessages.installedTool(tool.command, installed, tool.debianPackage))
    else {
      say(setupMessages.noTool(tool.command, tool.debianPackage, tool.purpose))
      complete = false
    }
  }
  return complete
}
