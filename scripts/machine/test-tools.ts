/** The programs the tests run besides Chromium, and the Debian package each comes in. */
export interface Tool {
  command: string
  debianPackage: string
  /** What the tests use it for, in the set-up's messages. */
  purpose: string
}

export const TEST_TOOLS: readonly Tool[] = [
  { command: 'pdftoppm', debianPackage: 'poppler-utils', purpose: 'renders PDF pages into images for the export tests' },
  { command: 'soffice', debianPackage: 'libreoffice-impress', purpose: 'opens the PPTX as a PowerPoint user would, for the PPTX tests' },
]
