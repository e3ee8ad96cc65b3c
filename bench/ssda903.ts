// The SSDA903 return's speed on the bench dataset (bench/generate.ts): a collection year's export with the DfE's
// checks and the zip, the checks alone, and the authority's own Header and Episodes uploaded and matched (with a
// case-management export of twice as many children as Haven holds); for one authority (about 200 children) and for
// all 2,000 children in one return (the children are lent to the first authority for it, then given back).
// Called from bench/large-dataset.ts; on its own, `node --import tsx bench/ssda903.ts <data dir>` uses (or first
// generates) an embedded database in that directory, and `... bench/ssda903.ts postgresql://...` a PostgreSQL one.
import fs from 'node:fs'
import { pathToFileURL } from 'node:url'
import { loadActor } from '@/lib/server/accounts'
import { openDatabase, useDatabase, type Database } from '@/lib/server/database'
import { applyMigrations } from '@/lib/server/migrations'
import { matchAuthorityReturn, ssda903Download, ssda903Return } from '@/lib/server/ssda903'
import { collectionYear, collectionYearOn } from '@/lib/domain/ssda903'
import { checkReturn } from '@/lib/domain/ssda903-rules'
import { isoDate, londonDate } from '@/lib/domain/time'
import { caseManagementExport } from '@/tests/support/ssda903-fixture'
import { generate } from './generate'

const AUTHORITY = 'bla0'
const LEAD = `blead-${AUTHORITY}`
/** The last complete collection year (1 April to 31 March) */
const lastYear = () => collectionYearOn(londonDate(new Date())) - 1
const ms = ({ p50, max, cpu }: { p50: number; max: number; cpu: number }) => ({ p50, max, cpu })
const median = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)])

/**
 * Runs `f` once to warm up, then `runs` times: the median and slowest, and the median of this process's CPU time (on a
 * busy machine the time a run would take alone; the embedded database works in this process, PostgreSQL in its own),
 * in ms; and the last result.
 */
async function timed<T>(runs: number, f: () => Promise<T> | T) {
  let result = await f()
  const times: number[] = []
  const cpu: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    const cpuStarted = process.cpuUsage()
    result = await f()
    const used = process.cpuUsage(cpuStarted)
    times.push(performance.now() - started)
    cpu.push((used.user + used.system) / 1000)
  }
  return { p50: median(times), max: Math.round(Math.max(...times)), cpu: median(cpu), result }
}

/** The authority's case-management export for the children Haven holds for it, and as many again it never held. */
async function upload(db: Database, year: number) {
  const rows = await db.prisma.child.findMany({
    where: { placingAuthorityId: AUTHORITY },
    include: { placements: { orderBy: { startDate: 'asc' } } },
  })
  const haven = rows.map((c) => ({
    id: c.id,
    authorityRef: c.authorityRef,
    firstName: c.firstName,
    lastName: c.lastName,
    dateOfBirth: isoDate(c.dateOfBirth),
    placements: c.placements.map((pl) => ({ start: isoDate(pl.startDate), end: pl.endDate && isoDate(pl.endDate) })),
  }))
  return { year, authority: AUTHORITY, confirmed: [], ...caseManagementExport(haven, haven.length * 2) }
}

/** The first authority's return, its checks, zip and upload, `runs` times each after one to warm up. */
async function timeReturn(db: Database, runs: number) {
  const lead = (await loadActor(db.prisma, LEAD))!
  const year = lastYear()
  const exported = await timed(runs, () => ssda903Return(lead, { year, authorityId: AUTHORITY }))
  const result = exported.result
  const rules = await timed(runs, () => checkReturn(result.tables, { year, ...collectionYear(year) }))
  const zip = await timed(runs, () => ssda903Download(result, 'all'))
  const file = await upload(db, year)
  const matched = await timed(runs, () => matchAuthorityReturn(lead, file))
  return {
    children: result.tables.header.length,
    episodeRows: result.tables.episodes.length,
    missingRows: result.tables.missing.length,
    failures: result.failures.length,
    exportWithChecksMs: ms(exported),
    checksAloneMs: ms(rules),
    zipMs: ms(zip),
    uploadRows: file.header.split('\n').length - 2,
    uploadAndMatchMs: ms(matched),
  }
}

export async function timeSsda903(db: Database, label: string) {
  const oneAuthority = await timeReturn(db, 5)
  const placedBy = await db.prisma.child.findMany({ select: { id: true, placingAuthorityId: true } })
  await db.prisma.child.updateMany({ data: { placingAuthorityId: AUTHORITY } })
  try {
    const everyChild = await timeReturn(db, 3)
    console.log(
      `BENCH ssda903-${label} ${JSON.stringify({ year: lastYear(), oneAuthority, everyChild, target: { seconds: 5 } })}`,
    )
  } finally {
    for (const authorityId of new Set(placedBy.map((c) => c.placingAuthorityId)))
      await db.prisma.child.updateMany({
        where: { id: { in: placedBy.filter((c) => c.placingAuthorityId === authorityId).map((c) => c.id) } },
        data: { placingAuthorityId: authorityId },
      })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const where = process.argv[2]
  if (!where) throw new Error('Give a data directory or a postgresql:// URL')
  const postgres = where.startsWith('postgresql://')
  if (!postgres) fs.mkdirSync(where, { recursive: true })
  const db = await openDatabase(postgres ? { url: where } : { dataDir: where })
  useDatabase(db)
  await applyMigrations(db)
  if ((await db.prisma.child.count()) === 0) console.log('generated', await generate(db))
  await timeSsda903(db, postgres ? 'postgresql' : 'pglite')
  await db.close()
  process.exit(0)
}
