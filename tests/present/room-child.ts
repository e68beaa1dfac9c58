/**
 * A room server in a process of its own, for tests that need its open-file
 * limit (set by the parent with `ulimit -n`) apart from the test runner's.
 * Argument: JSON of `RoomServerOptions` (hosts as an array). Prints its port,
 * and stops when its standard input closes.
 */
import { startRoomServer, type RoomServerOptions } from '../../scripts/present/room-server.ts'

const given = JSON.parse(process.argv[2] ?? '{}') as Omit<RoomServerOptions, 'hosts'> & { hosts: string[] }
const server = await startRoomServer({ ...given, hosts: new Set(given.hosts) })
process.stdout.write(`${JSON.stringify({ port: server.port })}\n`)
process.stdin.resume()
process.stdin.once('end', () => void server.close().then(() => process.exit(0)))
