// The load bench (`npm run bench`, or on its own: node --import tsx bench/load.ts): the generated dataset served by
// `next start`, driven by simulated users through the pages and the API as signed-in sessions. Registered managers
// open their home, their children and a child's page, and report and return episodes; IROs read their alerts (page
// and API) and children; missing leads run the missing report. Prints BENCH load-* lines: p50/p95/p99 and throughput
// per kind of request at 1, 10, 50 and 200 users each acting every 2 to 10 s; the saturation throughput (closed loop,
// no think time) of the read mix and the write mix; the load generator's own CPU share; each server's resident memory
// at idle and under load; and where the database's time went (pg_stat_activity sampled every 10 ms: PostgreSQL's
// pg_stat_statements needs a restart with shared_preload_libraries, which a bench cannot assume).
import { spawn, execFileSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { openDatabase, useDatabase, type Database } from '@/lib/server/database'
import { applyMigrations } from '@/lib/server/migrations'
import { generate } from './generate'
import { BENCH_SECRET, signedIn, type SignedIn } from './sessions'

const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 40)
const LEVELS = (process.env.BENCH_LOAD_USERS ?? '1,10,50,200').split(',').map(Number)
const SIZES = {
  homes: 50,
  children: Number(process.env.BENCH_LOAD_CHILDREN ?? 2000),
  episodes: Number(process.env.BENCH_LOAD_EPISODES ?? 100_000),
}
const PORTS = [3450, 3451]
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const pct = (xs: number[], q: number) =>
  xs.length ? Math.round([...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]) : null
const report = (name: string, figures: object) => console.log(`BENCH ${name} ${JSON.stringify(figures)}`)

type Kind = 'page' | 'api' | 'write'
type Op = { name: string; kind: Kind; run: (base: string) => Promise<Response> }
type User = { ops: Op[]; writes: Op[] }

/** Each simulated user: a manager of one home (and one child of it, for the episodes it reports), an IRO, a lead. */
async function makeUsers(db: Database, count: number): Promise<User[]> {
  const users: User[] = []
  const sessions = new Map<string, SignedIn>()
  const session = async (id: string) => sessions.get(id) ?? sessions.set(id, await signedIn(db, id)).get(id)!
  for (let u = 0; u < count; u++) {
    const home = `bho${u % SIZES.homes}`
    const child = `bch${(u % SIZES.homes) + SIZES.homes * Math.floor(u / SIZES.homes)}`
    const manager = await session(`bman-${home}`)
    const iro = await session(`biro${u % 40}`)
    const lead = await session(`blead-bla${u % 10}`)
    // the child's episodes so far end before the first one reported here: one still open (a report left by an
    // earlier run) is returned a minute after it began, and reporting starts after the latest start or return
    await db.prisma.$executeRaw`UPDATE "MissingEpisode" SET "returnedAt" = "lastSeenAt" + interval '1 minute'
      WHERE "childId" = ${child} AND "returnedAt" IS NULL`
    const last = await db.prisma.missingEpisode.aggregate({
      where: { childId: child },
      _max: { returnedAt: true, lastSeenAt: true },
    })
    let t =
      Math.max(
        last._max.returnedAt?.getTime() ?? 0,
        last._max.lastSeenAt?.getTime() ?? 0,
        Date.now() - 40 * 86_400_000,
      ) + 60_000
    let open: string | null = null
    const page = (name: string, url: string, who: SignedIn): Op => ({
      name,
      kind: 'page',
      run: (base) => fetch(base + url, { headers: { Cookie: who.cookie } }),
    })
    const api = (name: string, url: string, who: SignedIn): Op => ({
      name,
      kind: 'api',
      run: (base) => fetch(base + url, { headers: { Authorization: who.token } }),
    })
    const post = (url: string, body: object) => (base: string) =>
      fetch(base + url, {
        method: 'POST',
        headers: { Authorization: manager.token, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
    // reporting and returning alternate, so the child is never missing twice at once
    const episode: Op = {
      name: 'episode report or return (API)',
      kind: 'write',
      run: async (base) => {
        if (open) {
          const response = await post(`/api/v1/missing-episodes/${open}/return`, {
            returnedAt: new Date(t + 60_000).toISOString(),
            returnMethod: 'RETURNED_ALONE',
          })(base)
          if (response.ok) {
            open = null
            t += 120_000
          }
          return response
        }
        const response = await post(`/api/v1/children/${child}/missing-episodes`, {
          absenceType: 'MISSING',
          lastSeenAt: new Date(t).toISOString(),
          lastSeenPlace: 'Bench Road',
          policeInformed: true,
        })(base)
        if (response.ok) open = ((await response.clone().json()) as { id: string }).id
        return response
      },
    }
    users.push({
      ops: [
        page('home page', `/homes/${home}`, manager),
        page('children list page', '/children', manager),
        page('child page', `/children/${child}`, manager),
        page('alerts page (IRO)', '/alerts', iro),
        api('alerts API (IRO)', '/api/v1/alerts?status=OPEN', iro),
        api('children API (IRO)', '/api/v1/children', iro),
        page('missing report page (lead)', '/reports/missing', lead),
        episode,
      ],
      writes: [episode],
    })
  }
  return users
}

/** A failed request's reason: the API's first field error or its detail, or the page's title. */
function whyItFailed(body: string) {
  try {
    const problem = JSON.parse(body) as { detail?: string; errors?: { field: string; detail: string }[] }
    const first = problem.errors?.[0]
    return first ? `${first.field}: ${first.detail}` : problem.detail
  } catch {
    return body.match(/<title>([^<]{0,160})/)?.[1]
  }
}

type Sample = { op: Op; ms: number; status: number | 'no answer'; why?: string }

/** `users` act for SECONDS, each picking an operation at random; think: ms between actions (0: closed loop). */
async function drive(users: User[], bases: string[], pick: (u: User) => Op[], think: () => number) {
  const samples: Sample[] = []
  const until = Date.now() + SECONDS * 1000
  const cpu = process.cpuUsage()
  const started = performance.now()
  let turn = 0
  await Promise.all(
    users.map(async (user) => {
      await sleep(Math.random() * think()) // users do not all start at once
      while (Date.now() < until) {
        const ops = pick(user)
        const op = ops[Math.floor(Math.random() * ops.length)]
        const t0 = performance.now()
        let status: Sample['status']
        let why: string | undefined
        try {
          const response = await op.run(bases[turn++ % bases.length])
          const body = await response.text()
          status = response.status
          // a failure says why (an API's error message, a page's title), so a bench figure can be explained
          if (status >= 400) why = whyItFailed(body)
        } catch (error) {
          status = 'no answer'
          why = String(error).slice(0, 160)
        }
        samples.push({ op, ms: performance.now() - t0, status, why })
        const wait = think()
        if (wait) await sleep(wait)
      }
    }),
  )
  const wallMs = performance.now() - started
  const used = process.cpuUsage(cpu)
  return {
    samples,
    wallMs,
    generatorCpuShare: Math.round(((used.user + used.system) / 1000 / wallMs / os.cpus().length) * 100) + '%',
  }
}

function summarise(samples: Sample[], wallMs: number) {
  const by = (keep: (s: Sample) => boolean) => {
    const xs = samples.filter(keep)
    const failed = xs.filter((s) => s.status === 'no answer' || s.status >= 400)
    return {
      requests: xs.length,
      errors: failed.length,
      // which: a 500 from a transaction that ran out of time, a 422 from an episode left open by one, no answer...
      errorsByStatus: Object.fromEntries(
        [...new Set(failed.map((s) => s.status))].map((k) => [k, failed.filter((s) => s.status === k).length]),
      ),
      ...(failed.length ? { why: [...new Set(failed.map((s) => `${s.status}: ${s.why ?? '?'}`))].slice(0, 3) } : {}),
      p50Ms: pct(
        xs.map((s) => s.ms),
        0.5,
      ),
      p95Ms: pct(
        xs.map((s) => s.ms),
        0.95,
      ),
      p99Ms: pct(
        xs.map((s) => s.ms),
        0.99,
      ),
    }
  }
  return {
    perSecond: Math.round((samples.length / wallMs) * 10000) / 10,
    reads: by((s) => s.op.kind !== 'write'),
    writes: by((s) => s.op.kind === 'write'),
    byOperation: Object.fromEntries(
      [...new Set(samples.map((s) => s.op.name))].map((name) => [name, by((s) => s.op.name === name)]),
    ),
  }
}

/** Resident memory of a server, its child processes included, in MB. */
function residentMb(server: ChildProcess) {
  try {
    const kb = execFileSync('ps', ['-o', 'rss=', '-g', String(server.pid)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .reduce((sum, line) => sum + Number(line.trim()), 0)
    return Math.round(kb / 1024)
  } catch {
    return null
  }
}

/** CPU seconds a server's processes have used (ps TIME), for each process's share. */
function cpuSeconds(server: ChildProcess) {
  const out = execFileSync('ps', ['-o', 'cputimes=', '-g', String(server.pid)], { encoding: 'utf8' })
  return out
    .split('\n')
    .filter(Boolean)
    .reduce((sum, line) => sum + Number(line.trim()), 0)
}

/** Samples what PostgreSQL is running every 10 ms while `during` runs: the statements it is busiest with. */
async function busiestQueries(url: string, during: () => Promise<unknown>) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const counts = new Map<string, number>()
  let total = 0
  let sampling = true
  const sampler = (async () => {
    while (sampling) {
      const { rows } = await client.query(
        `SELECT query FROM pg_stat_activity WHERE datname = current_database() AND state = 'active'
           AND pid <> pg_backend_pid()`,
      )
      for (const { query } of rows as { query: string }[]) {
        const key = query.replace(/\s+/g, ' ').slice(0, 300)
        counts.set(key, (counts.get(key) ?? 0) + 1)
        total++
      }
      await sleep(10)
    }
  })()
  await during()
  sampling = false
  await sampler
  await client.end()
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([query, n]) => ({ shareOfDatabaseTime: Math.round((n / Math.max(1, total)) * 100) + '%', query }))
}

async function run(label: string, env: Record<string, string>, db: () => Promise<Database>, servers: number) {
  const database = await db()
  useDatabase(database)
  const users = await makeUsers(database, Math.max(...LEVELS))
  await database.close()
  const started = PORTS.slice(0, servers).map((port) =>
    spawn(
      process.execPath,
      ['node_modules/next/dist/bin/next', 'start', '--hostname', '127.0.0.1', '--port', String(port)],
      {
        env: {
          ...process.env,
          ...env,
          AUTH_SECRET: BENCH_SECRET,
          HAVEN_DISPATCHER: 'off',
          HAVEN_MFA_REQUIRED_ROLES: 'none', // the bench's IROs and leads sign in with a password alone
          NEXT_TELEMETRY_DISABLED: '1',
          NEXT_MANUAL_SIG_HANDLE: 'true',
        },
        stdio: 'ignore',
        detached: true,
      },
    ),
  )
  const bases = PORTS.slice(0, servers).map((port) => `http://127.0.0.1:${port}`)
  try {
    for (const base of bases)
      for (
        let i = 0;
        i < 240 &&
        !(await fetch(`${base}/api/ready`).then(
          (r) => r.ok,
          () => false,
        ));
        i++
      )
        await sleep(500)
    // warm up every page once per server
    for (const base of bases) for (const op of users[0].ops) await (await op.run(base)).arrayBuffer()
    const idleMb = started.map(residentMb)
    const underLoadMb: (number | null)[] = []
    const cpuBefore = started.map(cpuSeconds)
    const levels: Record<string, object> = {}
    let slowest: object = []
    for (const count of LEVELS) {
      const go = () =>
        drive(
          users.slice(0, count),
          bases,
          (u) => u.ops,
          () => 2000 + Math.random() * 8000,
        )
      let result!: Awaited<ReturnType<typeof drive>>
      if (count === Math.max(...LEVELS) && env.DATABASE_URL)
        slowest = await busiestQueries(env.DATABASE_URL, async () => (result = await go()))
      else result = await go()
      if (count === Math.max(...LEVELS)) started.forEach((s, i) => (underLoadMb[i] = residentMb(s)))
      levels[`${count} users`] = {
        ...summarise(result.samples, result.wallMs),
        generatorCpuShare: result.generatorCpuShare,
      }
    }
    report(`load-${label}`, { servers, seconds: SECONDS, thinkSeconds: '2-10', levels })
    const saturation: Record<string, object> = {}
    for (const [mix, pick] of [
      ['read mix', (u: User) => u.ops.filter((o) => o.kind !== 'write')],
      ['write mix', (u: User) => u.writes],
    ] as const) {
      const before = started.map(cpuSeconds)
      const result = await drive(users.slice(0, 20), bases, pick, () => 0)
      const cpu = started.map(
        (s, i) => Math.round(((cpuSeconds(s) - before[i]) / (result.wallMs / 1000) / os.cpus().length) * 100) + '%',
      )
      const { perSecond, reads, writes } = summarise(result.samples, result.wallMs)
      saturation[mix] = { perSecond, reads, writes, generatorCpuShare: result.generatorCpuShare, serverCpuShare: cpu }
    }
    report(`load-saturation-${label}`, { servers, users: 20, seconds: SECONDS, ...saturation })
    report(`load-memory-${label}`, {
      idleMb,
      underLoadMb,
      serverCpuSecondsDuringBench: started.map((s, i) => Math.round(cpuSeconds(s) - cpuBefore[i])),
    })
    if (env.DATABASE_URL) report(`load-queries-${label}`, { busiestDuringPeakLevel: slowest })
  } finally {
    for (const server of started)
      try {
        process.kill(-server.pid!, 'SIGTERM')
      } catch {
        // already gone
      }
    await sleep(3000)
  }
}

// PostgreSQL (one generated dataset, one and then two servers), then the embedded database
const adminUrl = 'postgresql://postgres@127.0.0.1:5432/test'
const admin = new pg.Client({ connectionString: adminUrl })
if (
  await admin.connect().then(
    () => true,
    () => false,
  )
) {
  await admin.query('DROP DATABASE IF EXISTS haven_load WITH (FORCE)')
  await admin.query('CREATE DATABASE haven_load')
  const url = 'postgresql://postgres@127.0.0.1:5432/haven_load'
  const database = await openDatabase({ url })
  await applyMigrations(database)
  useDatabase(database)
  await generate(database, SIZES)
  await database.close()
  for (const servers of [1, 2])
    await run(`postgresql-${servers}`, { DATABASE_URL: url }, () => openDatabase({ url }), servers)
  await admin.query('DROP DATABASE IF EXISTS haven_load WITH (FORCE)')
  await admin.end()
} else console.log('BENCH load-postgresql skipped: no server at 127.0.0.1:5432')
if (process.env.BENCH_LOAD_PGLITE !== '0') {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'haven-load-'))
  const database = await openDatabase({ dataDir })
  await applyMigrations(database)
  useDatabase(database)
  await generate(database, SIZES)
  await database.close()
  await run('pglite-1', { HAVEN_DATA_DIR: dataDir, DATABASE_URL: '' }, () => openDatabase({ dataDir }), 1)
  fs.rmSync(dataDir, { recursive: true, force: true })
}
process.exit(0)
