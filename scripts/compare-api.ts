// Shows that a refactor left the API unchanged: loads the demo data with a fixed clock into a fresh in-memory
// database, calls every GET route of the API in process (app/api/v1/**/route.ts) as each demo role, and compares
// the responses with tests/fixtures/api-baseline.json.
//
//   npm run compare-api                 compare with the baseline; exit 1 and list what differs
//   npm run compare-api -- --update     write the baseline (only when a change to the API is meant)
//   npm run compare-api -- --out f.json write the responses to f.json instead
//
// Ids made at random (cuid, UUID) are replaced by a name that does not depend on the run (<Table#n>, n its rank
// among the table's rows ordered by their content), and times taken from the database's own clock by <database now>.
// A zip (the subject access exports) is described by what it holds, file by file, since its bytes change with the
// ids and times inside it.
import fs from 'node:fs'
import path from 'node:path'
import crypto from 'node:crypto'
import { syncBuiltinESMExports } from 'node:module'
import { pathToFileURL } from 'node:url'
import { strFromU8, unzipSync } from 'fflate'

const ROOT = path.resolve(import.meta.dirname, '..')
const BASELINE = path.join(ROOT, 'tests/fixtures/api-baseline.json')
/** The demo data and every request see this instant (a Wednesday in British Summer Time). */
const FIXED_NOW = Date.parse('2026-05-13T09:30:00.000Z')
/** A collection year and a report period that the demo data fills, seen from FIXED_NOW. */
const PERIOD = 'from=2025-05-13&to=2026-05-12'
const YEAR = '2025'
/** Ids made at random: Prisma's cuid() and randomUUID(). */
const RANDOM_ID = /c[a-z0-9]{24}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/

const args = process.argv.slice(2)
const update = args.includes('--update')
const outIndex = args.indexOf('--out')
const out = outIndex >= 0 ? path.resolve(args[outIndex + 1]) : update ? BASELINE : null
process.env.AUTH_SECRET ??= 'compare-api: a secret for this script only'
process.env.HAVEN_DISPATCHER = 'off'
// API tokens for every demo role, as in the demo (a required second factor would refuse them until enrolled)
process.env.HAVEN_MFA_REQUIRED_ROLES = 'none'

// PGlite's Postgres reads the fixed clock too, so its timers come out far off and Node clamps them (Postgres checks the
// time again when one fires, and waits on): the warning about it is left out
process.removeAllListeners('warning')
process.on('warning', (w) => w.name !== 'TimeoutOverflowWarning' && console.warn(w))

const RealDate = Date
const realStart = RealDate.now()
const { openDatabase, useDatabase } = await import('@/lib/server/database')
const { applyMigrations } = await import('@/lib/server/migrations')
const database = await openDatabase({ memory: true })
useDatabase(database)
await applyMigrations(database)
fixClock()
countedUuids()

const { DEMO_ACCOUNTS, DEMO_PASSWORD, loadDemoData } = await import('@/prisma/demo-data')
await loadDemoData()
// what `npm run patterns` (and the dispatcher) would have done by now: alerts, escalations and flags to read back
const { escalateUnacknowledged, recomputeAllPatterns } = await import('@/lib/server/patterns')
await recomputeAllPatterns()
await escalateUnacknowledged()
const { flagMissedVisits } = await import('@/lib/server/oversight')
await flagMissedVisits()

const prisma = database.prisma
const ids = async (rows: Promise<{ id: string }[]>) => (await rows).map((r) => r.id)
// in the order they were made (the demo data's own order, the same on every run; alerts' ids are made at random)
const byId = { select: { id: true } } as const
/** The records each kind of [id] segment is called with: all of them, for every role (out of scope must stay 404). */
const RECORDS: Record<string, string[]> = {
  children: await ids(prisma.child.findMany(byId)),
  alerts: await ids(prisma.alert.findMany(byId)),
  homes: await ids(prisma.home.findMany(byId)),
  'missing-episodes': await ids(prisma.missingEpisode.findMany(byId)),
  // the staff: the access report of what each person read, and their own subject access export
  people: await ids(prisma.user.findMany(byId)),
}
const authorities = await ids(prisma.localAuthority.findMany(byId))

/** Query strings per route (default: none), so each filter and each format is exercised once. */
const QUERIES: Record<string, string[]> = {
  '/api/v1/alerts': ['', '?status=OPEN', '?status=RESOLVED', '?page=2'],
  '/api/v1/children': ['', '?search=a', '?page=2'],
  '/api/v1/children/[id]/chronology': ['', '?kind=episode&from=2026-01-01'],
  '/api/v1/exports/ssda903': authorities.flatMap((a) =>
    ['', '&table=header', '&table=episodes', '&table=missing'].map((t) => `?year=${YEAR}&authority=${a}${t}`),
  ),
  '/api/v1/homes/[id]/oversight': ['', '?month=2026-03'],
  '/api/v1/reports/missing': [`?${PERIOD}`, `?${PERIOD}&ageBand=14-15&sex=FEMALE`, `?${PERIOD}&table=by-month`],
  '/api/v1/reports/ofsted': [`?${PERIOD}`],
  '/api/v1/reports/role-grants': [`?${PERIOD}`],
  '/api/v1/return-interviews': ['', '?status=due', '?status=overdue', '?status=held'],
}

const routes = findRoutes(path.join(ROOT, 'app/api/v1')).sort()
const tokens: [string, string][] = []
const { POST: issueToken } = await import('@/app/api/v1/auth/token/route')
for (const account of DEMO_ACCOUNTS) {
  const response = await quietly(() =>
    issueToken(
      new Request('http://127.0.0.1/api/v1/auth/token', {
        method: 'POST',
        body: JSON.stringify({ email: account.email, password: DEMO_PASSWORD }),
      }),
    ),
  )
  if (response.status !== 201) throw new Error(`No API token for ${account.email}: ${response.status}`)
  tokens.push([account.grants.map((g) => g.role).join('+'), ((await response.json()) as { token: string }).token])
}

const responses: Record<string, unknown> = {}
for (const route of routes) {
  const module = (await import(pathToFileURL(path.join(ROOT, 'app', route, 'route.ts')).href)) as { GET?: Handler }
  if (!module.GET) continue
  const template = '/' + route
  const kind = template.match(/\/([^/]+)\/\[id\]/)?.[1]
  if (kind && !RECORDS[kind]) throw new Error(`compare-api: which records for ${template}? Add them to RECORDS`)
  for (const id of kind ? RECORDS[kind] : [undefined])
    for (const query of QUERIES[template] ?? [''])
      for (const [role, token] of template.endsWith('openapi.json') ? [['anyone', '']] : tokens) {
        const url = template.replace('[id]', id ?? '') + query
        const headers = token ? { Authorization: `Bearer ${token}` } : undefined
        const context = { params: Promise.resolve<Record<string, string>>(id ? { id } : {}) }
        const response = await quietly(() => module.GET!(new Request(`http://127.0.0.1${url}`, { headers }), context))
        responses[`GET ${url} as ${role}`] = await describe(response)
      }
}

const names = await randomIdNames()
const realEnd = RealDate.now()
const result = normalise({ clock: new Date(FIXED_NOW).toISOString(), responses }, names, realStart, realEnd) as Output
digestPages(result.responses)
const text = JSON.stringify(result, null, 1) + '\n'
await database.close()

if (out) {
  fs.mkdirSync(path.dirname(out), { recursive: true })
  fs.writeFileSync(out, text)
  console.log(`${Object.keys(responses).length} responses written to ${path.relative(ROOT, out)}.`)
} else {
  const baseline = JSON.parse(fs.readFileSync(BASELINE, 'utf8')) as Output
  const differs = compare(baseline.responses, result.responses)
  const count = Object.keys(responses).length
  if (!differs.length) console.log(`The API answers as the baseline does: ${count} responses compared.`)
  else {
    const current = path.join(ROOT, 'tests/fixtures/api-current.json')
    fs.writeFileSync(current, text)
    console.error(`${differs.length} responses differ from the baseline (all are in ${path.relative(ROOT, current)}):`)
    for (const line of differs.slice(0, 50)) console.error(`  ${line}`)
    process.exitCode = 1
  }
}
process.exit()

type Output = { clock: string; responses: Record<string, unknown> }
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response> | Response

/** Route folders under app/api/v1 that hold a route.ts, as paths like api/v1/children/[id]. */
function findRoutes(dir: string): string[] {
  const found: string[] = []
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) found.push(...findRoutes(path.join(dir, entry.name)))
    else if (entry.name === 'route.ts') found.push(path.relative(path.join(ROOT, 'app'), dir).split(path.sep).join('/'))
  }
  return found
}

/** Every `new Date()` and `Date.now()` gives FIXED_NOW (times given explicitly are left alone). */
function fixClock() {
  class FixedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(FIXED_NOW)
      else super(...(args as [string]))
    }
    static now() {
      return FIXED_NOW
    }
  }
  globalThis.Date = FixedDate as DateConstructor
}

/**
 * randomUUID() counts up from 1, so that rows made at the same instant keep the order they were made in when a query
 * breaks the tie on the id (as the alert list does).
 */
function countedUuids() {
  let n = 0
  crypto.randomUUID = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`
  syncBuiltinESMExports()
}

/** Runs a request without the API's one-line request log. */
async function quietly<T>(call: () => Promise<T> | T): Promise<T> {
  const log = console.log
  console.log = () => {}
  try {
    return await call()
  } finally {
    console.log = log
  }
}

async function describe(response: Response) {
  const contentType = response.headers.get('content-type') ?? ''
  const kept = ['cache-control', 'content-disposition', 'location'].filter((h) => response.headers.has(h))
  const headers = Object.fromEntries(kept.map((h) => [h, response.headers.get(h)]))
  const body = /json/.test(contentType)
    ? await response.json()
    : /^text\//.test(contentType)
      ? await response.text()
      : /zip/.test(contentType)
        ? describeZip(new Uint8Array(await response.arrayBuffer()))
        : `<${(await response.arrayBuffer()).byteLength} bytes>`
  return { status: response.status, contentType, headers, body }
}

/**
 * A zip by its files: JSON parsed, text as it is, anything else (a photo) by its size and SHA-256. Ids and times in
 * them are then named like those in any answer, so two runs describe the same export alike (an HTML page, which says
 * what the JSON beside it says, is then kept as its digest: digestPages).
 */
function describeZip(zip: Uint8Array) {
  const files = unzipSync(zip)
  return {
    zip: Object.fromEntries(
      Object.keys(files)
        .sort()
        .map((name) => {
          const bytes = files[name]
          if (name.endsWith('.json')) return [name, JSON.parse(strFromU8(bytes)) as unknown]
          if (/\.(html|csv|txt)$/.test(name)) return [name, strFromU8(bytes)]
          const sha256 = crypto.createHash('sha256').update(bytes).digest('hex')
          return [name, `<${bytes.byteLength} bytes, sha256 ${sha256}>`]
        }),
    ),
  }
}

/**
 * A name for every id Prisma made at random (cuid): <Table#n>, n its rank among the table's rows ordered by their
 * content with such ids left out, so the name is the same on every run.
 */
async function randomIdNames() {
  const random = new RegExp(`^(${RANDOM_ID.source})$`)
  const tables = await prisma.$queryRawUnsafe<{ table_name: string }[]>(
    `SELECT table_name FROM information_schema.columns
     WHERE table_schema = 'public' AND column_name = 'id' AND data_type = 'text' ORDER BY table_name`,
  )
  // a row's content without its random ids and the database's clock
  const content = (_: string, v: unknown) =>
    typeof v === 'bigint'
      ? String(v)
      : typeof v === 'string' && (random.test(v) || Date.parse(v) >= realStart - 60_000)
        ? ''
        : v
  const names = new Map<string, string>()
  for (const { table_name: table } of tables) {
    const rows = await prisma.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${table}"`)
    const keyed = rows
      .filter((row) => typeof row.id === 'string' && random.test(row.id))
      .map((row) => ({ id: row.id as string, key: JSON.stringify(row, content) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    keyed.forEach((row, i) => names.set(row.id, `<${table}#${i + 1}>`))
  }
  return names
}

function normalise(value: unknown, names: Map<string, string>, from: number, to: number): unknown {
  const unnamed = new Map<string, string>()
  const iso = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g
  const random = new RegExp(`\\b(${RANDOM_ID.source})\\b`, 'g')
  const fix = (s: string) =>
    s
      .replace(
        random,
        (id) => names.get(id) ?? unnamed.get(id) ?? unnamed.set(id, `<new id ${unnamed.size + 1}>`).get(id)!,
      )
      .replace(iso, (t) => (Date.parse(t) >= from - 60_000 && Date.parse(t) <= to + 60_000 ? '<database now>' : t))
  const walk = (v: unknown): unknown =>
    typeof v === 'string'
      ? fix(v)
      : Array.isArray(v)
        ? v.map(walk)
        : v && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [fix(k), walk(x)]))
          : v
  return walk(value)
}

/** An HTML page in a zip, once its ids and times are named, by its length and SHA-256 (the baseline stays small). */
function digestPages(responses: Record<string, unknown>) {
  for (const response of Object.values(responses)) {
    const files = (response as { body?: { zip?: Record<string, unknown> } }).body?.zip
    for (const [name, text] of Object.entries(files ?? {}))
      if (name.endsWith('.html') && typeof text === 'string')
        files![name] = `<${text.length} characters, sha256 ${crypto.createHash('sha256').update(text).digest('hex')}>`
  }
}

/** One line per response that is new, gone or different. */
function compare(before: Record<string, unknown>, after: Record<string, unknown>) {
  const lines: string[] = []
  for (const key of Object.keys(before)) if (!(key in after)) lines.push(`gone: ${key}`)
  for (const key of Object.keys(after)) {
    if (!(key in before)) lines.push(`new: ${key}`)
    else if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) lines.push(`differs: ${key}`)
  }
  return lines
}
