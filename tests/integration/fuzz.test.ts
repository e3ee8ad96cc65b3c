// Every POST route in the OpenAPI document, sent malformed bodies made from its own request schema (a fixed seed,
// so a failure can be replayed): never a 5xx, always problem details naming the field (or the body), nothing saved.
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { POST as issueToken } from '@/app/api/v1/auth/token/route'
import { getPrisma } from '@/lib/server/database'
import { openApiDocument } from '@/lib/validation/openapi'
import { problemSchema, tokenSchema } from '@/lib/validation/responses'
import { freshDatabase } from '../support/database'
import { FIXTURE_PASSWORD, makePerson, makeWorld } from '../support/fixtures'

/** cases per route; `npm run bench` runs more (FUZZ_CASES) */
const CASES = Number(process.env.FUZZ_CASES ?? 12)
const SEED = Number(process.env.FUZZ_SEED ?? 20261203)

type Schema = {
  $ref?: string
  type?: string | string[]
  properties?: Record<string, Schema>
  required?: string[]
  items?: Schema
  enum?: unknown[]
  anyOf?: Schema[]
  format?: string
  pattern?: string
  maxLength?: number
}
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>
type Case = { what: string; body: string; contentType: string; field?: string }

/** mulberry32: small, seedable */
function random(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number) => Math.floor(next() * n)
  return { next, int, pick: <T>(list: readonly T[]): T => list[int(list.length)] }
}
type Random = ReturnType<typeof random>

const document = openApiDocument() as unknown as {
  paths: Record<string, { post?: { requestBody?: { content: Record<string, { schema: Schema }> } } }>
  components: { schemas: Record<string, Schema> }
}
const resolve = (s: Schema): Schema => (s.$ref ? resolve(document.components.schemas[s.$ref.split('/').pop()!]) : s)
const typeOf = (s: Schema) => (Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type)

/** A plausible value for a schema: mostly well-formed, so a single fault is what the route sees. */
function plausible(schema: Schema, r: Random, depth = 0): unknown {
  const s = resolve(schema)
  if (s.enum) return r.pick(s.enum)
  if (s.anyOf) return plausible(r.pick(s.anyOf.filter((o) => o.type !== 'null')), r, depth)
  switch (typeOf(s)) {
    case 'object':
      return Object.fromEntries(
        Object.entries(s.properties ?? {})
          .filter(([key]) => s.required?.includes(key) || r.next() < 0.5)
          .map(([key, value]) => [key, plausible(value, r, depth + 1)]),
      )
    case 'array':
      return depth > 4 ? [] : Array.from({ length: r.int(3) }, () => plausible(s.items ?? {}, r, depth + 1))
    case 'boolean':
      return r.next() < 0.5
    case 'integer':
    case 'number':
      return r.int(10)
    case 'string':
      return s.format === 'date'
        ? '2025-06-01'
        : s.format === 'date-time'
          ? '2025-06-01T10:00:00Z'
          : r.pick(['fuzz-text', 'A name', 'x'])
    default:
      return 'fuzz'
  }
}

const CONTROL = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000B', '\u001B', '\u007F']
const IMPOSSIBLE_DATES = [
  '2026-02-30',
  '2026-13-01',
  '2025-00-10',
  '2026-06-31T25:00',
  '2026-03-29T01:30',
  '99999-01-01',
  'yesterday',
  '2026-06-01T10:00:00+99:00',
]
/** Nested arrays this deep; written into the JSON text by json() (JSON.stringify would overflow the stack) */
const deep = (depth: number) => `<deep ${depth}>`
const withDeep = (text: string) =>
  text.replace(/"<deep (\d+)>"/g, (_, n) => '['.repeat(Number(n)) + ']'.repeat(Number(n)))

/**
 * One malformed body for a request schema: each breaks it in a way the schema must refuse (or a field it does not
 * know).
 */
function malformed(schema: Schema | undefined, r: Random): Case {
  const json = (value: unknown, what: string, field?: string): Case => ({
    what,
    body: withDeep(JSON.stringify(value)),
    contentType: 'application/json',
    field,
  })
  const kind = r.int(schema ? 10 : 4)
  if (kind === 0)
    return {
      what: 'not JSON',
      body: r.pick(['{oops', '', '{"a":', 'null,', '\u0000', '<x/>', '{"a":1}}']),
      contentType: 'application/json',
      field: 'body',
    }
  if (kind === 1)
    return {
      what: 'wrong content type',
      body: r.pick(['a=1&b=2', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--']),
      contentType: r.pick(['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain']),
      field: 'body',
    }
  if (kind === 2) return json(r.pick([[], 42, 'text', true, null, deep(2000)]), 'not an object')
  if (kind === 3)
    return json(
      { [r.pick(['__proto__', 'constructor', 'extra', 'x'.repeat(5000)])]: deep(r.int(3000)) },
      'unknown fields only',
    )
  const s = resolve(schema!)
  const body = plausible(s, r) as Record<string, unknown>
  const fields = Object.keys(s.properties ?? {})
  if (fields.length === 0) return json([], 'not an object')
  const field = r.pick(fields)
  const fieldSchema = resolve(s.properties![field])
  const type = typeOf(fieldSchema.anyOf ? resolve(fieldSchema.anyOf[0]) : fieldSchema)
  body[r.pick(['extra', 'id', 'createdAt', 'recordedById'])] = r.pick(['x', 1, { nested: deep(50) }]) // fields it does not know ride along
  switch (kind) {
    case 4: {
      const required = s.required ?? []
      if (required.length === 0) break
      const missing = r.pick(required)
      delete body[missing]
      return json(body, `without ${missing}`, missing)
    }
    case 5:
      body[field] =
        type === 'string'
          ? r.pick([12345, { a: 1 }, [['x']], true])
          : r.pick(['maybe', { a: 1 }, [[1]], 'x'.repeat(300)])
      return json(body, `${field}: wrong type`, field)
    case 6:
      // a field that may hold a whole file (the SSDA903 upload's CSVs, up to 20 MB) is not huge at a megabyte
      if ((fieldSchema.maxLength ?? 0) > 1_000_000) break
      body[field] =
        type === 'string' && !fieldSchema.enum ? 'x'.repeat(r.pick([100_001, 1_000_000])) : 'y'.repeat(200_000)
      return json(body, `${field}: huge`, field)
    case 7:
      body[field] = deep(r.pick([100, 5000]))
      return json(body, `${field}: deep nesting`, field)
    case 8:
      if (field === 'password') break // a password may be any characters at all
      body[field] = `before${r.pick(CONTROL)}after`
      return json(body, `${field}: control character`, field)
    case 9:
      body[field] = r.pick(IMPOSSIBLE_DATES)
      // a free-text field may rightly hold "yesterday": only dates, ids and codes must refuse it (camel case:
      // "reason" ends in "on" but is not a date)
      if (
        type === 'string' &&
        !fieldSchema.enum &&
        !fieldSchema.pattern &&
        !/[dD]ate|[a-z](At|On)$|[wW]hen/.test(field)
      )
        break
      return json(body, `${field}: impossible date`, field)
  }
  body[field] = { not: 'this' } // the chosen fault did not apply here: a wrong type instead
  return json(body, `${field}: an object`, field)
}

async function rowCounts() {
  const prisma = await getPrisma()
  const tables = await prisma.$queryRawUnsafe<{ name: string }[]>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
  )
  const counts: Record<string, number> = {}
  // a refused sign-in through POST /auth/token is recorded as an attempt on purpose: that is how it is throttled
  for (const { name } of tables.filter((t) => t.name !== 'SignInAttempt'))
    counts[name] = Number((await prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${name}"`))[0].n)
  return counts
}

const routes = Object.entries(document.paths)
  .filter(([, operations]) => operations.post)
  .map(([address, operations]) => ({
    address,
    schema: operations.post!.requestBody?.content['application/json']?.schema,
  }))

let auth: string
beforeAll(async () => {
  await freshDatabase()
  const world = await makeWorld()
  // roles across a home and an authority, so most routes get as far as reading the body
  const person = await makePerson(
    [
      { role: 'REGISTERED_MANAGER', homeId: world.homeA.id },
      { role: 'IRO', localAuthorityId: world.laOne.id },
      { role: 'SOCIAL_WORKER', localAuthorityId: world.laOne.id },
      { role: 'LA_MISSING_LEAD', localAuthorityId: world.laOne.id },
    ],
    'Fuzz Tester',
  )
  const issued = await issueToken(
    new Request('http://127.0.0.1/api/v1/auth/token', {
      method: 'POST',
      body: JSON.stringify({ email: person.email, password: FIXTURE_PASSWORD }),
    }),
  )
  auth = `Bearer ${tokenSchema.parse(await issued.json()).token}`
}, 120_000)

describe('fuzzing every POST route with malformed bodies', () => {
  it('covers every POST route in the OpenAPI document', () => {
    expect(routes.length).toBeGreaterThanOrEqual(17)
  })

  it(
    `answers ${CASES} malformed bodies per route with a 4xx problem naming the field, and saves nothing (seed ${SEED})`,
    { timeout: Math.max(120_000, CASES * 5_000) },
    async () => {
      const r = random(SEED)
      const before = await rowCounts()
      const failures: string[] = []
      for (const { address, schema } of routes) {
        const file = path.resolve('app', address.slice(1).replace(/\{(\w+)\}/g, '[$1]'), 'route.ts')
        const POST = (await import(file)).POST as Handler
        for (let n = 0; n < CASES; n++) {
          const c = malformed(schema, r)
          // ids of nothing, so even a body that were accepted could not change a record; also ids that are not ids
          const id = r.pick(['fuzz0000000000000000000000', '\u0000', 'x'.repeat(300), '../children', '%FF'])
          const request = new Request(`http://127.0.0.1${address.replace('{id}', encodeURIComponent(id))}`, {
            method: 'POST',
            headers: { Authorization: auth, 'Content-Type': c.contentType },
            body: c.body,
          })
          const response = await POST(request, { params: Promise.resolve({ id }) })
          const label = `${address} ${c.what} (id ${JSON.stringify(id.slice(0, 30))})`
          if (response.status >= 500 || response.status < 400) {
            failures.push(`${label}: ${response.status} ${(await response.text()).slice(0, 300)}`)
            continue
          }
          if (!response.headers.get('content-type')?.includes('application/problem+json'))
            failures.push(`${label}: not problem details`)
          const problem = problemSchema.safeParse(await response.json())
          if (!problem.success) failures.push(`${label}: not problem details`)
          else if (response.status === 422) {
            const named = (problem.data.errors ?? []).map((e) => e.field)
            if (named.length === 0 || named.some((f) => !f)) failures.push(`${label}: 422 without the fields`)
            // the field at fault is named (or, for something that is not a JSON object, the body or the form as a
            // whole)
            else if (c.field && !named.some((f) => f === c.field || f.startsWith(`${c.field}.`)))
              failures.push(`${label}: names ${named.join(', ')}, not ${c.field}`)
          }
        }
      }
      expect(failures).toEqual([])
      expect(await rowCounts()).toEqual(before)
    },
  )
})
