// The server the browser tests use: a fresh embedded database in .e2e-data/ (emptied at every start), demo data,
// the production build on 127.0.0.1, and a real SMTP receiver on 127.0.0.1 whose mail lands in .e2e-data/mailbox/
// as JSON (the tests read it). Playwright starts this and stops its process group.
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { SMTPServer } from 'smtp-server'

const port = process.env.E2E_PORT ?? '3100'
const dataDir = path.resolve('.e2e-data')
const mailbox = path.join(dataDir, 'mailbox')
fs.rmSync(dataDir, { recursive: true, force: true })
fs.mkdirSync(mailbox, { recursive: true })

let count = 0
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['AUTH', 'STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    const chunks = []
    stream.on('data', (c) => chunks.push(c))
    stream.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8')
      const header = (name) => raw.match(new RegExp(`^${name}:\\s*(.+)$`, 'mi'))?.[1].trim() ?? ''
      const message = {
        to: session.envelope.rcptTo.map((r) => r.address),
        subject: header('Subject'),
        messageId: header('Message-ID'),
        raw,
      }
      fs.writeFileSync(path.join(mailbox, `${String(++count).padStart(5, '0')}.json`), JSON.stringify(message))
      callback()
    })
  },
})
await new Promise((resolve) => smtp.listen(0, '127.0.0.1', resolve))
const smtpPort = smtp.server.address().port

const env = {
  ...process.env,
  HAVEN_DATA_DIR: dataDir,
  DATABASE_URL: '',
  AUTH_SECRET: 'e2e-only-secret-not-for-real-use-000000',
  NEXT_TELEMETRY_DISABLED: '1',
  NEXT_MANUAL_SIG_HANDLE: 'true',
  HAVEN_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
  HAVEN_BASE_URL: `http://127.0.0.1:${port}`,
  HAVEN_DISPATCH_INTERVAL_MS: '500',
  // as in the demo: the seeded second factor and the one a test sets up are enough (docs/security.md)
  HAVEN_MFA_REQUIRED_ROLES: 'none',
}
execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/db.ts', 'demo'], { stdio: 'inherit', env })
// same process group as this script, so stopping the group stops the server too
const server = spawn(
  process.execPath,
  ['node_modules/next/dist/bin/next', 'start', '--hostname', '127.0.0.1', '--port', port],
  { stdio: 'inherit', env },
)
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.kill(signal))
server.on('exit', (code) => {
  smtp.close()
  process.exit(code ?? 0)
})
