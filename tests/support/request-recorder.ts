import { createServer } from 'node:http'

/**
 * An address of this machine that no deck, export or site has any reason to
 * ask for (loopback, but not the 127.0.0.1 they serve on). Brief text in a
 * test points URLs here: a request that arrives means brief text was fetched
 * or ran as code, whatever the code under test reports about itself.
 */
export const RECORDER_HOST = '127.0.0.9'

export interface RequestRecorder {
  /** `http://HOST:PORT` (127.0.0.9 by default), for URLs in brief text. */
  origin: string
  /** Every request that arrived: method and path. */
  requests: string[]
  close: () => Promise<void>
}

/**
 * Starts a server that answers everything with an empty 200 and remembers
 * each request, on `host` (RECORDER_HOST unless told otherwise).
 */
export async function recordRequests(host = RECORDER_HOST): Promise<RequestRecorder> {
  const requests: string[] = []
  const server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`)
    response.writeHead(200, { 'content-type': 'text/plain' }).end()
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, host, resolve)
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    origin: `http://${host}:${port}`,
    requests,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  }
}
