// Only one process may open the embedded database folder: a second one stops with a clear error and loses nothing.
import { execFile, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from '@/lib/server/database'
import { DatabaseInUseError, lockDataDir } from '@/lib/server/embedded-lock'

const run = promisify(execFile)
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'haven-lock-'))
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))

// a second process trying to open the same folder (as `npm run db -- status` or a second server would)
const secondProcess = () =>
  run(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/db.ts', 'status'], {
    env: { ...process.env, HAVEN_DATA_DIR: dataDir, DATABASE_URL: '' },
  }).then(
    () => ({ code: 0, stderr: '' }),
    (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
  )

describe('the embedded database folder', () => {
  it('lets a command that opens and closes it end normally (exit code 0, not an unsettled await)', async () => {
    fs.rmSync(dataDir, { recursive: true, force: true })
    expect(await secondProcess()).toEqual({ code: 0, stderr: '' })
  }, 180_000)

  it('is refused to a second process while open, and keeps every committed row', async () => {
    const first = await openDatabase({ dataDir })
    await first.pglite!.exec(
      "CREATE TABLE note (id serial primary key, body text); INSERT INTO note (body) VALUES ('before')",
    )

    const second = await secondProcess()
    expect(second.code).not.toBe(0)
    expect(second.stderr).toContain(
      `The embedded database in ${dataDir} is already open in another Haven process (PID ${process.pid})`,
    )

    await first.pglite!.exec("INSERT INTO note (body) VALUES ('after')")
    await first.close()

    const reopened = await openDatabase({ dataDir })
    expect(
      (await reopened.pglite!.query<{ body: string }>('SELECT body FROM note ORDER BY id')).rows.map((r) => r.body),
    ).toEqual(['before', 'after'])
    await reopened.close()
  }, 180_000)

  it('is refused within the same process too', async () => {
    const release = await lockDataDir(dataDir)
    await expect(lockDataDir(dataDir)).rejects.toThrow(/already open in this process/)
    await release()
  })

  it('is released by the operating system when its process is killed, even if its PID is later reused', async () => {
    // a process that takes the lock and is then killed with SIGKILL: nothing of its own runs to release it
    const script = `import('./lib/server/embedded-lock.ts').then(async (m) => { await m.lockDataDir(${JSON.stringify(dataDir)}); console.log('held'); setInterval(() => {}, 1000) })`
    const holder = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()))
    await expect(lockDataDir(dataDir)).rejects.toThrow(
      new RegExp(`already open in another Haven process \\(PID ${holder.pid}\\)`),
    )
    holder.kill('SIGKILL')
    await new Promise((resolve) => holder.once('exit', resolve))
    // the lock file still names the dead process (as after a crash); the lock itself has gone with it
    expect(fs.readFileSync(path.join(dataDir, 'haven.lock'), 'utf8')).toBe(String(holder.pid))
    const release = await lockDataDir(dataDir)
    expect(fs.readFileSync(path.join(dataDir, 'haven.lock'), 'utf8')).toBe(String(process.pid))
    await release()
  }, 60_000)

  it('is not fooled by a lock file naming a live process: only the lock counts', async () => {
    fs.writeFileSync(path.join(dataDir, 'haven.lock'), '1') // PID 1 is alive; the old PID-file lock refused to start here
    const release = await lockDataDir(dataDir)
    await release()
  })

  it('names the process holding it', () => {
    expect(new DatabaseInUseError('/x', '42').message).toMatch(/PID 42.*DATABASE_URL/)
  })
})
