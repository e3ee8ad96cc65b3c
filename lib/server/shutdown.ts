// Graceful shutdown of a web server (a rolling restart behind the proxy): on SIGTERM it stops accepting connections,
// answers the requests already in flight (a request on a kept-alive connection is answered too, with
// "Connection: close"), lets its dispatcher finish the run in progress and hand back the messages it claimed, closes
// the database and exits 0. Next's own handler exits without the dispatcher, so servers run with
// NEXT_MANUAL_SIG_HANDLE=true (the npm start script, the systemd unit) and this one takes over.
import type http from 'node:http'

const servers = new Set<http.Server>()
const tasks: (() => Promise<void>)[] = []
let stopping = false
/** How long a connection accepted before the listener closed has to send its request. */
const FRESH_CONNECTION_MS = 1_000

/** The HTTP servers of this process, as they start (forbidden-methods.ts sees each). */
export function trackServer(server: http.Server) {
  servers.add(server)
}

export const isShuttingDown = () => stopping

/** Something to finish before the process exits (the dispatcher, the database), run after the last response. */
export function onShutdown(task: () => Promise<void>) {
  tasks.push(task)
}

/** Stops the process gracefully; a request that does not end within `graceMs` is cut off. */
export async function shutDown(signal: string, graceMs = 25_000) {
  if (stopping) return
  stopping = true
  console.log(`Haven: ${signal}: finishing the requests in flight, then stopping`)
  const drained = Promise.all(
    [...servers].map((server) => new Promise<void>((resolve) => server.close(() => resolve()))),
  )
  // connections kept alive between requests close, and the rest as soon as their response is sent; not at once: a
  // connection accepted just before the listener closed counts as idle until its request arrives, and closing it then
  // would reset a request the proxy has already sent (seen in the rolling-restart check), so it gets a moment first
  let idle: NodeJS.Timeout | undefined
  const firstIdleClose = setTimeout(() => {
    idle = setInterval(() => servers.forEach((server) => server.closeIdleConnections()), 100)
  }, FRESH_CONNECTION_MS)
  const late = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref())
  await Promise.race([drained, late])
  clearTimeout(firstIdleClose)
  clearInterval(idle)
  servers.forEach((server) => server.closeAllConnections())
  for (const task of tasks) await task().catch((e: unknown) => console.error('Haven: while stopping:', e))
  process.exit(0)
}

/** Installs shutDown for SIGTERM and SIGINT, unless Next still handles them (NEXT_MANUAL_SIG_HANDLE not set). */
export function handleSignals() {
  if (!process.env.NEXT_MANUAL_SIG_HANDLE) {
    console.warn(
      'Haven: NEXT_MANUAL_SIG_HANDLE is not set: on SIGTERM Next stops this server without letting its dispatcher ' +
        'finish; set NEXT_MANUAL_SIG_HANDLE=true (see docs/deploying.md)',
    )
    return
  }
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void shutDown(signal))
}
