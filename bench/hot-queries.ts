// Where the database's time goes for the load bench's requests (bench/load.ts), one query at a time: each operation of
// the load mix is run as its use cases (as the page or the API calls them), every statement Prisma sends is captured,
// and each SELECT is run again under EXPLAIN ANALYZE. Prints BENCH hot-* lines: per operation, the statements, their
// commits and writes, and each query's planning and execution time (median and least of 9 runs).
// node --import tsx bench/hot-queries.ts   (PostgreSQL at 127.0.0.1:5432; BENCH_HOT_EPISODES, 20,000 by default;
// BENCH_HOT_KEEP=1 keeps the generated database for another run, which then applies new migrations and reuses it)
import pg from 'pg'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '@/lib/generated/prisma/client'
import { actorForSession, loadActor } from '@/lib/server/accounts'
import { actorForBearer } from '@/lib/server/api-tokens'
import { listAlerts } from '@/lib/server/alerts'
import { getChild, listChildren } from '@/lib/server/children'
import { getCseOverview } from '@/lib/server/cse'
import { openDatabase, useDatabase, type Database } from '@/lib/server/database'
import { listChildEpisodes } from '@/lib/server/episodes'
import { getHome, homesFor } from '@/lib/server/homes'
import { applyMigrations } from '@/lib/server/migrations'
import { missingReport } from '@/lib/server/missing-report'
import { unreadCount } from '@/lib/server/notifications'
import { childReviewDecisions, getReviews } from '@/lib/server/reviews'
import { londonDate, shiftDate } from '@/lib/domain/time'
import { generate } from './generate'
import { signedIn } from './sessions'

const EPISODES = Number(process.env.BENCH_HOT_EPISODES ?? 20_000)
const ADMIN = 'postgresql://postgres@127.0.0.1:5432/test'
const NAME = 'haven_hot_queries'
const url = `postgresql://postgres@127.0.0.1:5432/${NAME}`

const admin = new pg.Client({ connectionString: ADMIN })
await admin.connect()
const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [NAME])).rowCount
if (!exists || process.env.BENCH_HOT_KEEP !== '1') {
  await admin.query(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`)
  await admin.query(`CREATE DATABASE ${NAME}`)
}
const setup = await openDatabase({ url })
await applyMigrations(setup)
if (!exists || process.env.BENCH_HOT_KEEP !== '1') {
  useDatabase(setup)
  console.log('generated', await generate(setup, { homes: 50, children: 2000, episodes: EPISODES }))
}
await setup.prisma.$executeRawUnsafe('ANALYZE')
await setup.close()

// the process's database, with every statement Prisma sends noted
type Statement = { query: string; params: unknown[] }
let noted: Statement[] = []
const prisma = new PrismaClient({
  adapter: new PrismaPg({ connectionString: url }),
  log: [{ emit: 'event', level: 'query' }],
})
prisma.$on('query', (e) => noted.push({ query: e.query, params: JSON.parse(e.params) as unknown[] }))
const database: Database = { kind: 'postgres', prisma, url, close: () => prisma.$disconnect() }
useDatabase(database)

const actorOf = async (id: string) => (await loadActor(prisma, id))!
const manager = await actorOf('bman-bho3')
const iro = await actorOf('biro3')
const lead = await actorOf('blead-bla3')
const child = (
  await prisma.child.findFirstOrThrow({
    where: { placements: { some: { homeId: 'bho3', endDate: null } } },
    select: { id: true },
  })
).id
const session = await signedIn(database, 'bman-bho3')
const sid = (
  await prisma.userSession.findFirstOrThrow({ where: { userId: 'bman-bho3' }, orderBy: { createdAt: 'desc' } })
).id
const today = londonDate(new Date())

// the child's page reads in one transaction where that exists (lib/server/use-case.ts readTogether)
const useCases: { readTogether?: (read: () => Promise<unknown>) => Promise<unknown> } =
  await import('@/lib/server/use-case')
const together = useCases.readTogether ?? ((read: () => Promise<unknown>) => read())

/** The load bench's operations, each as the use cases its page or route runs (the header's included for pages). */
const header = async (actor: typeof manager) => {
  await actorForSession(sid)
  await homesFor(actor).catch(() => [])
  await unreadCount(actor)
}
const OPERATIONS: Record<string, () => Promise<unknown>> = {
  'session check (every page)': () => actorForSession(sid),
  'header: the scoped list of homes (every page)': () => homesFor(manager),
  'home page (manager)': async () => (await header(manager), await getHome(manager, 'bho3')),
  'children list page (manager)': async () => (await header(manager), await listChildren(manager, {})),
  'child page (manager)': async () => {
    await header(manager)
    await together(async () => {
      await getChild(manager, child)
      await listChildEpisodes(manager, child)
      await getCseOverview(manager, child)
      await childReviewDecisions(manager, child)
      await getReviews(manager, child)
    })
  },
  'alerts page (IRO)': async () => (await header(iro), await listAlerts(iro, { status: 'OPEN' })),
  'children API (IRO)': async () => (await actorForBearer(session.token), await listChildren(iro, {})),
  'missing report page (lead)': async () => {
    await header(lead)
    await missingReport(lead, { from: shiftDate(today, { years: -1 }), to: today })
  },
}

const client = new pg.Client({ connectionString: url })
await client.connect()
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/** Planning and execution time for one statement, of 9 runs (EXPLAIN ANALYZE); with BENCH_HOT_PLANS=1 the plan. */
async function explain({ query, params }: Statement) {
  const times: number[] = []
  for (let i = 0; i < 9; i++) {
    const { rows } = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${query}`, params)
    const [result] = rows[0]['QUERY PLAN'] as { 'Execution Time': number; 'Planning Time': number }[]
    times.push(result['Execution Time'] + result['Planning Time'])
  }
  const plan =
    process.env.BENCH_HOT_PLANS === '1'
      ? (await client.query(`EXPLAIN ANALYZE ${query}`, params)).rows.map((r) => r['QUERY PLAN']).join('\n')
      : undefined
  // the median, and the least (what the query costs when the machine is not busy with something else)
  return { ms: Math.round(median(times) * 100) / 100, leastMs: Math.round(Math.min(...times) * 100) / 100, plan }
}

for (const [name, run] of Object.entries(OPERATIONS)) {
  await run() // warm: the query plans Prisma caches
  noted = []
  const started = performance.now()
  await run()
  const wallMs = Math.round(performance.now() - started)
  const statements = noted
  const selects = statements.filter((s) => /^\s*(SELECT|WITH)/i.test(s.query))
  const explained = []
  for (const s of selects) explained.push({ ...(await explain(s)), query: s.query.replace(/\s+/g, ' ').slice(0, 160) })
  const total = Math.round(explained.reduce((sum, e) => sum + e.ms, 0) * 100) / 100
  const least = Math.round(explained.reduce((sum, e) => sum + e.leastMs, 0) * 100) / 100
  console.log(
    `BENCH hot ${JSON.stringify({
      operation: name,
      wallMs,
      statements: statements.length,
      commits: statements.filter((s) => /^\s*COMMIT/i.test(s.query)).length,
      writes: statements.filter((s) => /^\s*(INSERT|UPDATE|DELETE)/i.test(s.query)).length,
      selectsMs: total,
      selectsLeastMs: least,
      slowest: explained
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 3)
        .map((e) => ({ ms: e.ms, leastMs: e.leastMs, query: e.query })),
    })}`,
  )
  for (const e of explained.filter((e) => e.plan && e.ms >= 1)) console.log(`${e.query}\n${e.plan}\n`)
}
await client.end()
await prisma.$disconnect()
if (process.env.BENCH_HOT_KEEP !== '1') await admin.query(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`)
await admin.end()
process.exit(0)
