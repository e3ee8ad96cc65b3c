// One process only may open the embedded database folder: two PGlite instances on one folder lose data silently.
// The lock is an exclusive flock(2) on haven.lock, held for this process by a small `flock` child (util-linux) that
// waits on a pipe from us: when this process ends in any way, even killed, the operating system closes the pipe,
// the child exits and the lock is released. No PID is trusted, so a PID reused after a crash (as in a container)
// cannot keep Haven from starting. The file holds the owner's PID only to name it in the message.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

export class DatabaseInUseError extends Error {
  constructor(dataDir: string, owner: string) {
    super(
      `The embedded database in ${dataDir} is already open in another Haven process${owner ? ` (PID ${owner})` : ''}. ` +
        'Only one process may open it at a time: stop that process first, or run Haven on a PostgreSQL server by setting DATABASE_URL.',
    )
    this.name = 'DatabaseInUseError'
  }
}

const IN_USE = 75 // flock's exit code when the lock is held elsewhere (EX_TEMPFAIL)
const lockedHere = new Set<string>()

/** Takes the lock on dataDir for this process; resolves to a function that releases it (and resolves once it is
 * released). Rejects with DatabaseInUseError when another process holds it. */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  fs.mkdirSync(dataDir, { recursive: true })
  const lockPath = path.join(dataDir, 'haven.lock')
  if (lockedHere.has(lockPath)) throw new Error(`${dataDir} is already open in this process`)
  // a process that has just ended may still be letting go (its flock child sees the end of the pipe a moment later)
  for (let attempt = 1; ; attempt++) {
    const taken = await tryLock(dataDir, lockPath)
    if (taken || attempt === 20)
      return taken ?? Promise.reject(new DatabaseInUseError(dataDir, fs.readFileSync(lockPath, 'utf8').trim()))
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

async function tryLock(dataDir: string, lockPath: string): Promise<(() => Promise<void>) | null> {
  const holder = spawn(
    'flock',
    [
      '--exclusive',
      '--nonblock',
      '--conflict-exit-code',
      String(IN_USE),
      lockPath,
      'sh',
      '-c',
      'echo locked && exec cat >/dev/null',
    ],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  )
  const outcome = await new Promise<'locked' | number | Error>((resolve) => {
    holder.stdout.once('data', () => resolve('locked'))
    holder.once('exit', (code) => resolve(code ?? 1))
    holder.once('error', resolve) // flock missing: spawn fails
  })
  if (outcome instanceof Error)
    throw new Error(
      `Could not lock ${dataDir}: the flock command (util-linux) is needed for the embedded database (${outcome.message})`,
    )
  if (outcome === IN_USE) return null
  if (outcome !== 'locked') throw new Error(`Could not lock ${dataDir} (flock exited with ${outcome})`)
  fs.writeFileSync(lockPath, String(process.pid))
  lockedHere.add(lockPath)
  // the holder must not keep this process alive on its own
  holder.unref()
  for (const stream of [holder.stdin, holder.stdout] as unknown as { unref?: () => void }[]) stream.unref?.()
  const exited = new Promise<void>((resolve) => holder.once('exit', () => resolve()))
  const release = () => {
    if (lockedHere.delete(lockPath)) {
      // wait for the holder while it lets go: unreferenced, nothing else may keep this process alive until it has
      // (a script awaiting close() would end with an unsettled await, exit code 13)
      holder.ref()
      holder.stdin.end() // cat sees the end, exits, and flock lets go
    }
    return exited
  }
  process.once('exit', () => void release()) // nothing can be awaited on exit: closing stdin is what counts
  return release
}
