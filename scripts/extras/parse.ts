import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document } from 'yaml'
import type { Position } from '../brief/model.ts'
import type { Diagnostic } from '../diagnostic.ts'
import { messages, type Message } from '../messages.ts'
import { ExtrasSchema, type Extras } from './schema.ts'

export interface ParsedExtras {
  extras: Extras
  diagnostics: Diagnostic[]
  /** Where a key path of the file is, for diagnostics found later. */
  positionOf: (path: readonly PropertyKey[]) => Position
}

/** Reads an extras file (YAML) and checks it against the schema, reporting each problem at its line. */
export function parseExtras(text: string, file: string): ParsedExtras {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: false })
  const positionOf = (path: readonly PropertyKey[]) => locate(doc, lineCounter, path)
  const report = (message: Message, position: Position): Diagnostic => ({
    file,
    position,
    severity: 'error',
    ...message,
  })

  if (doc.errors.length > 0) {
    const diagnostics = doc.errors.map((error) => {
      const { line, col } = lineCounter.linePos(error.pos[0])
      return report(messages.extrasNotYaml(error.message.split('\n')[0] ?? ''), { line, column: col })
    })
    return { extras: {}, diagnostics, positionOf }
  }

  const result = ExtrasSchema.safeParse(doc.toJS() ?? {})
  if (result.success) return { extras: result.data, diagnostics: [], positionOf }
  const diagnostics = result.error.issues.flatMap((issue) =>
    // A misspelt key is reported at the key itself, not at the mapping that holds it.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) =>
          report(messages.extrasSchema(issue.path.join('.'), `Unrecognized key: "${key}"`), locateKey(doc, lineCounter, issue.path, key)),
        )
      : [report(messages.extrasSchema(issue.path.join('.'), issue.message), positionOf(issue.path))],
  )
  return { extras: {}, diagnostics, positionOf }
}

/** The position of `key` in the mapping at `path`, else of the mapping. */
function locateKey(doc: Document, lineCounter: LineCounter, path: readonly PropertyKey[], key: string): Position {
  const map = path.length === 0 ? doc.contents : doc.getIn(path as unknown[], true)
  if (isMap(map)) {
    const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key)
    if (pair && isNode(pair.key) && pair.key.range) {
      const { line, col } = lineCounter.linePos(pair.key.range[0])
      return { line, column: col }
    }
  }
  return locate(doc, lineCounter, path)
}

/** The position of the deepest node of `path` that exists in the document. */
function locate(doc: Document, lineCounter: LineCounter, path: readonly PropertyKey[]): Position {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth) as unknown[], true)
    if (isNode(node) && node.range) {
      const { line, col } = lineCounter.linePos(node.range[0])
      return { line, column: col }
    }
  }
  return { line: 1, column: 1 }
}
