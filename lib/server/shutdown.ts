// Graceful shutdown of a web server (a rolling restart behind the proxy): on SIGTERM it stops accepting connections,
// answers the requests already in flight (a request on a kept-alive connection is answered too, with
// "Connection: close"), lets its dispatcher finish the run in progress and hand back the messages it claimed, closes
// the database and exits 0. Next's own handler exits without the dispatcher, so servers run with
// NEXT_MANUAL_SIG_HANDLE=true (the npm start script, the systemd unit) and this one takes over.
import type http from 'node:http'

const servers = new Set<http.Server>()
const tasks: (() => Promise<void>)[] = []
let stopping = false

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
  // connections kept alive between requests close now, and the rest as soon as their response is sent
  const idle = setInterval(() => servers.forEach((server) => server.closeIdleConnections()), 100)
  const late = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref())
  await Promise.race([drained, late])
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
