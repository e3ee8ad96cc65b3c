// Speed of the pattern rules and the IRO's inbox on a large generated dataset (bench/generate.ts), on the embedded
// database and on PostgreSQL (when one answers at 127.0.0.1:5432). Run with `npm run bench`; prints BENCH lines.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { encode } from 'next-auth/jwt'
import { issueApiToken } from '@/lib/server/accounts'
import { openDatabase, useDatabase, type Database } from '@/lib/server/database'
import { applyMigrations } from '@/lib/server/migrations'
import { patternsAfterEvent, recomputeAllPatterns } from '@/lib/server/patterns'
import { BENCH_PASSWORD, generate } from './generate'

const SECRET = 'bench-only-secret-not-for-real-use-0000'
const p = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]
const ms = (n: number) => Math.round(n * 10) / 10
const report = (name: string, figures: object) => console.log(`BENCH ${name} ${JSON.stringify(figures)}`)

async function timeRules(db: Database, label: string) {
  useDatabase(db)
  let t = Date.now()
  const generated = await generate(db)
  const generateMs = Date.now() - t
  t = Date.now()
  const first = await recomputeAllPatterns()
  const firstMs = Date.now() - t
  t = Date.now()
  await recomputeAllPatterns()
  const againMs = Date.now() - t
  // events happen to children who go missing: 100 children with an episode in the last 30 days (10 more warm up)
  const active = await db.prisma.missingEpisode.findMany({ where: { lastSeenAt: { gte: new Date(Date.now() - 30 * 86_400_000) } }, distinct: ['childId'], select: { childId: true }, orderBy: { childId: 'asc' } })
  const times: number[] = []
  for (let i = 0; i < 110; i++) {
    const childId = active[(i * 37) % active.length].childId
    const started = performance.now()
    await db.prisma.$transaction((tx) => patternsAfterEvent(tx, childId))
    if (i >= 10) times.push(performance.now() - started)
  }
  const openForIro = await db.prisma.alert.count({ where: { status: 'OPEN', recipients: { some: { userId: 'biro0' } } } })
  report(`patterns-${label}`, { ...generated, generateSeconds: generateMs / 1000, recomputeFirstSeconds: firstMs / 1000, alertsOpened: first.opened, recomputeAgainSeconds: againMs / 1000, oneEventP50Ms: ms(p(times, 0.5)), oneEventP95Ms: ms(p(times, 0.95)), iroOpenAlerts: openForIro, activeChildren: active.length, targets: { oneEventP95Ms: 50, recomputeSeconds: 10 } })
  // a browser session and an API token for the IRO, made before the server takes the database
  const session = await db.prisma.userSession.create({ data: { userId: 'biro0', expiresAt: new Date(Date.now() + 3_600_000), ip: '127.0.0.1' } })
  const { token } = await issueApiToken({ email: 'biro0@bench.haven.test', password: BENCH_PASSWORD, ip: null })
  const cookie = await encode({ token: { sub: 'biro0', sid: session.id, name: 'Bench biro0', email: 'biro0@bench.haven.test' }, secret: SECRET, salt: 'authjs.session-token' })
  return { cookie, token }
}

async function timeInbox(label: string, env: Record<string, string>, auth: { cookie: string; token: string }) {
  const port = 3400
  const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '--hostname', '127.0.0.1', '--port', String(port)], {
    env: { ...process.env, ...env, AUTH_SECRET: SECRET, HAVEN_DISPATCHER: 'off', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: 'ignore',
    detached: true,
  })
  try {
    const base = `http://127.0.0.1:${port}`
    for (let i = 0; i < 120; i++) {
      if (await fetch(`${base}/sign-in`).then((r) => r.ok, () => false)) break
      await new Promise((r) => setTimeout(r, 500))
    }
    const measure = async (url: string, headers: Record<string, string>) => {
      const times: number[] = []
      for (let i = 0; i < 60; i++) {
        const started = performance.now()
        const response = await fetch(url, { headers })
        const body = await response.text()
        if (!response.ok || body.length < 100) throw new Error(`${url}: ${response.status}`)
        if (i >= 10) times.push(performance.now() - started) // the first requests warm the server up
      }
      return { p50Ms: ms(p(times, 0.5)), p95Ms: ms(p(times, 0.95)) }
    }
    const page = await measure(`${base}/alerts`, { Cookie: `authjs.session-token=${auth.cookie}` })
    const api = await measure(`${base}/api/v1/alerts?status=OPEN`, { Authorization: `Bearer ${auth.token}` })
    report(`inbox-${label}`, { alertsPage: page, alertsApi: api, target: { p95Ms: 300 } })
  } finally {
    try {
      process.kill(-server.pid!, 'SIGTERM')
    } catch {}
  }
}

// the embedded database
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'haven-bench-'))
let db = await openDatabase({ dataDir })
await applyMigrations(db)
let auth = await timeRules(db, 'pglite')
await db.close()
await timeInbox('pglite', { HAVEN_DATA_DIR: dataDir, DATABASE_URL: '' }, auth)
await new Promise((r) => setTimeout(r, 2000))
fs.rmSync(dataDir, { recursive: true, force: true })

// PostgreSQL, if there is one
const admin = new pg.Client({ connectionString: 'postgresql://postgres@127.0.0.1:5432/test' })
const reachable = await admin.connect().then(() => true, () => false)
if (reachable) {
  await admin.query('DROP DATABASE IF EXISTS haven_bench WITH (FORCE)')
  await admin.query('CREATE DATABASE haven_bench')
  const url = 'postgresql://postgres@127.0.0.1:5432/haven_bench'
  db = await openDatabase({ url })
  await applyMigrations(db)
  auth = await timeRules(db, 'postgresql')
  await db.close()
  await timeInbox('postgresql', { DATABASE_URL: url }, auth)
  await admin.query('DROP DATABASE IF EXISTS haven_bench WITH (FORCE)')
  await admin.end()
} else console.log('BENCH postgresql skipped: no server at 127.0.0.1:5432')
process.exit(0)
