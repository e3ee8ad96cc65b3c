// A bad configuration stops Haven before it opens the database, naming the variable: the web server's start-up
// (prepareDatabase, run by instrumentation.ts), the dispatcher and the `npm run db` commands.
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'

const run = promisify(execFile)
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'haven-config-'))
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))

const badEnvironment = {
  ...process.env,
  HAVEN_DATA_DIR: path.join(dataDir, 'data'),
  DATABASE_URL: '',
  HAVEN_SMTP_URL: 'smtp//relay.example.org',
  HAVEN_SESSION_IDLE_MINUTES: '-5',
}

async function start(args: string[]) {
  return run(process.execPath, ['node_modules/tsx/dist/cli.mjs', ...args], {
    env: badEnvironment,
    timeout: 60_000,
  }).then(
    () => ({ code: 0, stderr: '' }),
    (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
  )
}

describe('a bad configuration', () => {
  it.each([
    ['the server', ['-e', "import('./lib/server/startup.ts').then((m) => m.prepareDatabase())"]],
    ['the dispatcher', ['scripts/dispatcher.ts']],
    ['npm run db', ['scripts/db.ts', 'migrate']],
  ])(
    'stops %s with the variables named, before it opens the database',
    async (_, args) => {
      const { code, stderr } = await start(args)
      expect(code).toBe(1)
      expect(stderr).toContain('Haven cannot start: its configuration has problems:')
      expect(stderr).toContain('HAVEN_SMTP_URL must be a URL starting smtp:// or smtps://')
      expect(stderr).toContain('HAVEN_SESSION_IDLE_MINUTES must be zero or more')
      expect(fs.existsSync(path.join(dataDir, 'data'))).toBe(false)
    },
    90_000,
  )
})
