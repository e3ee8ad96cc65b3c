// One process only may open the embedded database folder: two PGlite instances on one folder lose data silently
// (../shared/recipes). The lock file holds the owner's PID; a lock whose process is gone is stale and is taken over.
import fs from 'node:fs'
import path from 'node:path'

export class DatabaseInUseError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `The embedded database in ${dataDir} is already open in another Haven process (PID ${pid}). ` +
        'Only one process may open it at a time: stop that process first, or run Haven on a PostgreSQL server by setting DATABASE_URL.',
    )
    this.name = 'DatabaseInUseError'
  }
}

function processIsAlive(pid: number) {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Takes the lock on dataDir for this process; returns a function that releases it. Throws DatabaseInUseError. */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true })
  const lockPath = path.join(dataDir, 'haven.lock')
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx') // fails if the file exists: atomic on one host
      fs.writeSync(fd, String(process.pid))
      fs.closeSync(fd)
      const release = () => {
        try {
          if (fs.readFileSync(lockPath, 'utf8') === String(process.pid)) fs.unlinkSync(lockPath)
        } catch {}
      }
      process.once('exit', release)
      return release
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
      const owner = Number(fs.readFileSync(lockPath, 'utf8'))
      if (owner === process.pid) throw new Error(`${dataDir} is already open in this process`)
      if (owner && processIsAlive(owner)) throw new DatabaseInUseError(dataDir, owner)
      fs.rmSync(lockPath, { force: true }) // stale: its process has gone
    }
  }
  throw new Error(`Could not take the lock on ${dataDir}`)
}
