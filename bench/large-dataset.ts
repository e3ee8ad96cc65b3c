// Speed on a large generated dataset (bench/generate.ts), on the embedded database and on PostgreSQL (when one answers
// at 127.0.0.1:5432): the pattern rules, the IRO's alerts, a year's SSDA903 export with its checks and the upload
// (bench/ssda903.ts), and the report pages. Run with `npm run bench`; prints BENCH lines.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { openDatabase, useDatabase, type Database } from '@/lib/server/database'
import { applyMigrations } from '@/lib/server/migrations'
import { patternsAfterEvent, recomputeAllPatterns } from '@/lib/server/patterns'
import { collectionYearOn } from '@/lib/domain/ssda903'
import { londonDate } from '@/lib/domain/time'
import { generate } from './generate'
import { timeSsda903 } from './ssda903'
import { BENCH_SECRET as SECRET, signedIn, type SignedIn } from './sessions'
import { timeSubjectAccess } from './subject-access'

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
  const active = await db.prisma.missingEpisode.findMany({
    where: { lastSeenAt: { gte: new Date(Date.now() - 30 * 86_400_000) } },
    distinct: ['childId'],
    select: { childId: true },
    orderBy: { childId: 'asc' },
  })
  const times: number[] = []
  for (let i = 0; i < 110; i++) {
    const childId = active[(i * 37) % active.length].childId
    const started = performance.now()
    await db.prisma.$transaction((tx) => patternsAfterEvent(tx, childId))
    if (i >= 10) times.push(performance.now() - started)
  }
  const openForIro = await db.prisma.alert.count({
    where: { status: 'OPEN', recipients: { some: { userId: 'biro0' } } },
  })
  report(`patterns-${label}`, {
    ...generated,
    generateSeconds: generateMs / 1000,
    recomputeFirstSeconds: firstMs / 1000,
    alertsOpened: first.opened,
    recomputeAgainSeconds: againMs / 1000,
    oneEventP50Ms: ms(p(times, 0.5)),
    oneEventP95Ms: ms(p(times, 0.95)),
    iroOpenAlerts: openForIro,
    activeChildren: active.length,
    targets: { oneEventP95Ms: 50, recomputeSeconds: 10 },
  })
  await timeSsda903(db, label)
  // browser sessions and API tokens, made before the server takes the database
  report(`subject-access-${label}`, { ...(await timeSubjectAccess(db)), target: { seconds: 10 } })
  return {
    iro: await signedIn(db, 'biro0'),
    lead: await signedIn(db, LEAD),
    ri: await signedIn(db, 'bri-bpr0'),
    manager: await signedIn(db, 'bman-bho0'),
  }
}

const LEAD = 'blead-bla0'
/** The last complete collection year (1 April to 31 March) */
const lastYear = () => collectionYearOn(londonDate(new Date())) - 1

async function timePages(
  label: string,
  env: Record<string, string>,
  auth: Record<'iro' | 'lead' | 'ri' | 'manager', SignedIn>,
) {
  const port = 3400
  const server = spawn(
    process.execPath,
    ['node_modules/next/dist/bin/next', 'start', '--hostname', '127.0.0.1', '--port', String(port)],
    {
      env: {
        ...process.env,
        ...env,
        AUTH_SECRET: SECRET,
        HAVEN_DISPATCHER: 'off',
        HAVEN_MFA_REQUIRED_ROLES: 'none',
        NEXT_TELEMETRY_DISABLED: '1',
      },
      stdio: 'ignore',
      detached: true,
    },
  )
  try {
    const base = `http://127.0.0.1:${port}`
    for (let i = 0; i < 120; i++) {
      if (
        await fetch(`${base}/sign-in`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break
      await new Promise((r) => setTimeout(r, 500))
    }
    const measure = async (url: string, headers: Record<string, string>, runs = 60, marker = '') => {
      const times: number[] = []
      for (let i = 0; i < runs; i++) {
        const started = performance.now()
        const response = await fetch(url, { headers })
        const body = await response.text()
        if (!response.ok || body.length < 100 || !body.includes(marker))
          throw new Error(`${url}: ${response.status}${marker && !body.includes(marker) ? `, no "${marker}"` : ''}`)
        if (i >= 10) times.push(performance.now() - started) // the first requests warm the server up
      }
      return { p50Ms: ms(p(times, 0.5)), p95Ms: ms(p(times, 0.95)) }
    }
    const page = await measure(`${base}/alerts`, { Cookie: auth.iro.cookie })
    const api = await measure(`${base}/api/v1/alerts?status=OPEN`, { Authorization: auth.iro.token })
    report(`inbox-${label}`, { alertsPage: page, alertsApi: api, target: { p95Ms: 300 } })
    // each report page, as the people who read it (the last year unless said otherwise); 30 requests, 10 to warm up
    const pages = {
      missingAsLead: [`${base}/reports/missing`, auth.lead, 'Episodes by month'],
      missingAsResponsibleIndividual: [`${base}/reports/missing`, auth.ri, 'Episodes by month'],
      missingAsManager: [`${base}/reports/missing`, auth.manager, 'Episodes by month'],
      missingFilteredAsLead: [`${base}/reports/missing?sex=FEMALE&ageBand=16-17`, auth.lead, 'Episodes by month'],
      timelinessAsLead: [`${base}/reports/return-interviews`, auth.lead, 'By placing authority'],
      ofstedAsLead: [`${base}/reports/ofsted`, auth.lead, 'Annex A'],
      ofstedAsResponsibleIndividual: [`${base}/reports/ofsted`, auth.ri, 'inspection'],
      ssda903AsLead: [
        `${base}/reports/ssda903?year=${lastYear()}&authority=bla0`,
        auth.lead,
        'missing or away periods',
      ],
      chronologyAsIro: [`${base}/children/bch0/chronology`, auth.iro, 'Chronology'],
    } as const
    const figures: Record<string, { p50Ms: number; p95Ms: number }> = {}
    for (const [name, [url, who, marker]] of Object.entries(pages))
      figures[name] = await measure(url, { Cookie: who.cookie }, 30, marker)
    figures.missingApiAsLead = await measure(
      `${base}/api/v1/reports/missing?from=${londonDate(new Date(Date.now() - 364 * 86_400_000))}&to=${londonDate(new Date())}`,
      { Authorization: auth.lead.token },
      30,
      '"tables"',
    )
    report(`reports-${label}`, { ...figures, target: { p95Ms: 500 } })
  } finally {
    try {
      process.kill(-server.pid!, 'SIGTERM')
    } catch {
      // already gone
    }
  }
}

// the embedded database
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'haven-bench-'))
let db = await openDatabase({ dataDir })
await applyMigrations(db)
let auth = await timeRules(db, 'pglite')
await db.close()
await timePages('pglite', { HAVEN_DATA_DIR: dataDir, DATABASE_URL: '' }, auth)
await new Promise((r) => setTimeout(r, 2000))
fs.rmSync(dataDir, { recursive: true, force: true })

// PostgreSQL, if there is one
const admin = new pg.Client({ connectionString: 'postgresql://postgres@127.0.0.1:5432/test' })
const reachable = await admin.connect().then(
  () => true,
  () => false,
)
if (reachable) {
  await admin.query('DROP DATABASE IF EXISTS haven_bench WITH (FORCE)')
  await admin.query('CREATE DATABASE haven_bench')
  const url = 'postgresql://postgres@127.0.0.1:5432/haven_bench'
  db = await openDatabase({ url })
  await applyMigrations(db)
  auth = await timeRules(db, 'postgresql')
  await db.close()
  await timePages('postgresql', { DATABASE_URL: url }, auth)
  await admin.query('DROP DATABASE IF EXISTS haven_bench WITH (FORCE)')
  await admin.end()
} else console.log('BENCH postgresql skipped: no server at 127.0.0.1:5432')
process.exit(0)
