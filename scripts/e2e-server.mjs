// The server the browser tests use: a fresh embedded database in .e2e-data/ (emptied at every start), demo data,
// the production build on 127.0.0.1. Playwright starts it and stops its process group.
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const port = process.env.E2E_PORT ?? '3100'
const dataDir = path.resolve('.e2e-data')
fs.rmSync(dataDir, { recursive: true, force: true })
const env = { ...process.env, HAVEN_DATA_DIR: dataDir, DATABASE_URL: '', AUTH_SECRET: 'e2e-only-secret-not-for-real-use-000000', NEXT_TELEMETRY_DISABLED: '1' }
execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/db.ts', 'demo'], { stdio: 'inherit', env })
// same process group as this script, so stopping the group stops the server too
const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '--hostname', '127.0.0.1', '--port', port], { stdio: 'inherit', env })
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.kill(signal))
server.on('exit', (code) => process.exit(code ?? 0))
