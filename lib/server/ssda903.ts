// The SSDA903 return's Header, Episodes and Missing tables for a placing authority and a collection year (1 April
// to 31 March), from Haven's children, periods of care, placements and episodes, with the DfE's checks
// (lib/domain/ssda903-rules) for the year. Fields Haven does not hold (MOTHER, MC_DOB) are left blank.
import { strToU8, zipSync } from 'fflate'
import { toCsv } from '@/lib/domain/csv'
import type { Actor } from '@/lib/domain/roles'
import { collectionYear } from '@/lib/domain/ssda903'
import { buildReturn, type ReturnChild } from '@/lib/domain/ssda903-rules/build'
import type { ReturnSexValue } from '@/lib/domain/ssda903-rules/header'
import { checkReturn, rulesYear, type ReturnFailure } from '@/lib/domain/ssda903-rules'
import { matchAuthorityReturn as matchReturn, parseCsv } from '@/lib/domain/ssda903-rules/upload'
import type { Ssda903Upload } from '@/lib/validation/ssda903'
import { throwIfProblems } from './errors'
import { isoDate, LONDON } from '@/lib/domain/time'
import type { Prisma } from '@/lib/generated/prisma/client'
import type { Tx } from './database'
import { orNotFound, useCase } from './use-case'

type Period = { from: string; to: string }

export const SSDA903_COLUMNS = {
  header: ['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN', 'MOTHER', 'MC_DOB'],
  episodes: [
    'CHILD',
    'DECOM',
    'RNE',
    'LS',
    'CIN',
    'PLACE',
    'PLACE_PROVIDER',
    'DEC',
    'REC',
    'REASON_PLACE_CHANGE',
    'HOME_POST',
    'PL_POST',
    'URN',
  ],
  missing: ['CHILD', 'DOB', 'MISSING', 'MIS_START', 'MIS_END'],
} as const
export type Ssda903Table = keyof typeof SSDA903_COLUMNS

export async function ssda903Return(actor: Actor, query: { year: number; authorityId: string }, now = new Date()) {
  const denied = { forbidden: 'Only an LA missing lead exports the SSDA903 return.' }
  return useCase(actor, 'export.ssda903', { denied, now }, async ({ tx, scope, audit }) => {
    // the lead's own authority only: another authority's return is not found, as if it did not exist
    const authority = await tx.localAuthority
      .findFirst({ where: { AND: [{ id: query.authorityId }, scope.authority] }, select: { id: true, name: true } })
      .then(orNotFound('local authority'))
    const { from, to } = collectionYear(query.year)
    const rows = await loadChildren(tx, scope.child, authority.id, { from, to })
    const children = rows.map(toReturnChild)
    const built = buildReturn(children, { from, to })
    const failures = [...built.noReference, ...checkReturn(built.tables, { year: query.year, from, to })]
    await audit({
      action: 'export.ssda903',
      subjectType: 'local-authority',
      subjectId: authority.id,
      childIds: rows.map((c) => c.id),
      details: { year: query.year, children: rows.length, failures: failures.length },
    })
    const named = new Map(rows.map((c) => [c.id, c]))
    return {
      authority,
      year: query.year,
      rulesYear: rulesYear(query.year),
      period: { from, to },
      generatedAt: now.toISOString(),
      tables: built.tables,
      // each failure names the child, so the lead can open the record to fix
      failures: failures.map((f) => {
        const c = named.get(built.childOf.get(f.child) ?? '')
        return {
          ...f,
          childId: c?.id ?? null,
          name: c ? `${c.firstName} ${c.lastName}` : null,
          dateOfBirth: c ? isoDate(c.dateOfBirth) : null,
          authorityRef: c?.authorityRef ?? null,
        }
      }),
    }
  })
}

/** The authority's children placed at some time in the year, with what the return needs of them. */
async function loadChildren(tx: Tx, scope: Prisma.ChildWhereInput, authorityId: string, { from, to }: Period) {
  const inYear = {
    startDate: { lte: new Date(`${to}T00:00:00Z`) },
    OR: [{ endDate: null }, { endDate: { gte: new Date(`${from}T00:00:00Z`) } }],
  }
  const children = await tx.child.findMany({
    where: { AND: [{ placingAuthorityId: authorityId, placements: { some: inYear } }, scope] },
    orderBy: { id: 'asc' },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      authorityRef: true,
      upn: true,
      sex: true,
      returnSex: true,
      dateOfBirth: true,
      ethnicity: true,
      periodsOfCare: {
        orderBy: { startDate: 'asc' },
        select: {
          startDate: true,
          endDate: true,
          homePostcode: true,
          legalStatuses: {
            orderBy: { startDate: 'asc' },
            select: { startDate: true, legalStatus: true, categoryOfNeed: true },
          },
        },
      },
      placements: {
        orderBy: { startDate: 'asc' },
        select: {
          startDate: true,
          endDate: true,
          endReason: true,
          placeCode: true,
          placeProvider: true,
          reasonForChange: true,
          settingPostcode: true,
          home: { select: { postcode: true, ofstedUrn: true } },
        },
      },
    },
  })
  // the year's missing episodes in one query, with their UK dates from the database: tens of thousands of rows for a
  // large authority, which as objects with timestamps took most of the export's time
  const episodes = await tx.$queryRaw<{ childId: string; absenceType: string; start: string; end: string | null }[]>`
    SELECT "childId", "absenceType",
           to_char("lastSeenAt" AT TIME ZONE ${LONDON}, 'YYYY-MM-DD') AS start,
           to_char("returnedAt" AT TIME ZONE ${LONDON}, 'YYYY-MM-DD') AS "end"
      FROM "MissingEpisode"
     WHERE "childId" = ANY(${children.map((c) => c.id)}::text[])
       AND "lastSeenAt" <= ${new Date(`${to}T23:59:59Z`)}
       AND ("returnedAt" IS NULL OR "returnedAt" >= ${new Date(`${from}T00:00:00Z`)})
     ORDER BY "childId", "lastSeenAt"`
  const missingOf = new Map<string, typeof episodes>()
  for (const e of episodes) {
    const list = missingOf.get(e.childId)
    if (list) list.push(e)
    else missingOf.set(e.childId, [e])
  }
  return children.map((c) => ({ ...c, missingEpisodes: missingOf.get(c.id) ?? [] }))
}

type ChildRow = {
  id: string
  authorityRef: string | null
  upn: string | null
  sex: 'MALE' | 'FEMALE'
  returnSex: ReturnSexValue | null
  dateOfBirth: Date
  ethnicity: string
  periodsOfCare: {
    startDate: Date
    endDate: Date | null
    homePostcode: string | null
    legalStatuses: { startDate: Date; legalStatus: string; categoryOfNeed: string | null }[]
  }[]
  placements: {
    startDate: Date
    endDate: Date | null
    endReason: string | null
    placeCode: string
    placeProvider: string
    reasonForChange: string | null
    settingPostcode: string | null
    home: { postcode: string; ofstedUrn: string } | null
  }[]
  /** UK dates */
  missingEpisodes: { absenceType: string; start: string; end: string | null }[]
}

/** What the return needs of a child, as dates in UK time. */
function toReturnChild(c: ChildRow): ReturnChild {
  const day = (d: Date | null) => (d ? isoDate(d) : null)
  return {
    id: c.id,
    authorityRef: c.authorityRef,
    sex: c.returnSex ?? c.sex,
    dateOfBirth: isoDate(c.dateOfBirth),
    ethnicity: c.ethnicity,
    upn: c.upn,
    periods: c.periodsOfCare.map((p) => ({
      start: isoDate(p.startDate),
      end: day(p.endDate),
      homePostcode: p.homePostcode,
      legalStatuses: p.legalStatuses.map((l) => ({
        start: isoDate(l.startDate),
        legalStatus: l.legalStatus,
        categoryOfNeed: l.categoryOfNeed,
      })),
    })),
    placements: c.placements.map((p) => ({
      start: isoDate(p.startDate),
      end: day(p.endDate),
      endReason: p.endReason,
      placeCode: p.placeCode,
      placeProvider: p.placeProvider,
      reasonForChange: p.reasonForChange,
      postcode: p.home?.postcode ?? p.settingPostcode,
      urn: p.home?.ofstedUrn ?? null,
    })),
    missing: c.missingEpisodes.map((e) => ({
      type: e.absenceType === 'MISSING' ? 'MISSING' : 'AWAY',
      start: e.start,
      end: e.end,
    })),
  }
}

/** One table as CSV with the DfE's column names; a value a spreadsheet would run as a formula is guarded. */
export function ssda903Csv(table: Ssda903Table, rows: Record<string, string>[]) {
  const columns = SSDA903_COLUMNS[table]
  return toCsv(
    [...columns],
    rows.map((r) => columns.map((c) => r[c] ?? '')),
    { guardFormulas: true },
  )
}

type NamedFailure = ReturnFailure & { name: string | null; dateOfBirth: string | null; authorityRef: string | null }

/** The failures as CSV, for the authority to fix in its own system too. */
export function failuresCsv(failures: NamedFailure[]) {
  return toCsv(
    ['table', 'row', 'CHILD', 'name', 'date_of_birth', 'rule', 'problem', 'fix'],
    failures.map((f) => [f.table, f.row, f.child, f.name ?? '', f.dateOfBirth ?? '', f.rule, f.problem, f.fix]),
    { guardFormulas: true },
  )
}

export type Ssda903File = Ssda903Table | 'all' | 'failures'

/**
 * What to download: one table as CSV, the failures, or all three tables in a zip (with the failures when there are
 * any). Tables with failures are named "not-ready" so nobody submits them by mistake.
 */
export function ssda903Download(
  result: { year: number; tables: Record<Ssda903Table, Record<string, string>[]>; failures: NamedFailure[] },
  table: Ssda903File,
) {
  const ready = result.failures.length === 0
  const name = (t: Ssda903Table | 'failures') => `ssda903-${result.year}-${t}${ready ? '' : '-not-ready'}.csv`
  const csv = (t: Ssda903Table | 'failures') =>
    t === 'failures' ? failuresCsv(result.failures) : ssda903Csv(t, result.tables[t])
  if (table !== 'all') return { filename: name(table), contentType: 'text/csv; charset=utf-8', body: csv(table) }
  const tables: (Ssda903Table | 'failures')[] = [...(Object.keys(SSDA903_COLUMNS) as Ssda903Table[])]
  if (!ready) tables.push('failures')
  const files = Object.fromEntries(tables.map((t) => [name(t), strToU8(csv(t))]))
  return {
    filename: `ssda903-${result.year}${ready ? '' : '-not-ready'}.zip`,
    contentType: 'application/zip',
    body: zipSync(files, { level: 6 }),
  }
}

const REQUIRED_COLUMNS = { header: ['CHILD', 'DOB'], episodes: ['CHILD', 'DECOM', 'DEC', 'REC'] } as const

/**
 * The authority's own Header and Episodes CSVs for the year, set beside Haven's children: matches (by reference, or
 * confirmed), proposals to confirm, differences, and Haven's Missing table keyed by the authority's CHILD values and
 * checked against its episodes. What was uploaded is read in this request and not kept.
 */
export async function matchAuthorityReturn(actor: Actor, input: Ssda903Upload, now = new Date()) {
  const denied = { forbidden: 'Only an LA missing lead checks the SSDA903 return.' }
  const header = parseCsv(input.header)
  const episodes = parseCsv(input.episodes)
  const problems: Record<string, string> = {}
  for (const [table, file] of [
    ['header', header],
    ['episodes', episodes],
  ] as const) {
    const absent = REQUIRED_COLUMNS[table].filter((c) => !file.columns.includes(c))
    if (absent.length)
      problems[table] = `The ${table === 'header' ? 'Header' : 'Episodes'} CSV has no ${absent.join(', ')} column`
  }
  throwIfProblems(problems)
  return useCase(actor, 'export.ssda903', { denied, now }, async ({ tx, scope, audit }) => {
    const authority = await tx.localAuthority
      .findFirst({ where: { AND: [{ id: input.authority }, scope.authority] }, select: { id: true } })
      .then(orNotFound('local authority'))
    const period = collectionYear(input.year)
    const rows = await loadChildren(tx, scope.child, authority.id, period)
    const haven = rows.map((r) => ({ ...toReturnChild(r), firstName: r.firstName, lastName: r.lastName }))
    const report = matchReturn(haven, { header: header.rows, episodes: episodes.rows }, input.confirmed, {
      year: input.year,
      ...period,
    })
    await audit({
      action: 'export.ssda903-upload',
      subjectType: 'local-authority',
      subjectId: authority.id,
      childIds: rows.map((c) => c.id),
      details: {
        year: input.year,
        headerRows: header.rows.length,
        episodeRows: episodes.rows.length,
        matched: report.matched.length,
        proposed: report.proposals.length,
        failures: report.failures.length,
      },
    })
    const named = new Map(
      haven.map((c) => [c.id, { id: c.id, name: `${c.firstName} ${c.lastName}`, dateOfBirth: c.dateOfBirth }]),
    )
    return {
      year: input.year,
      counts: { header: header.rows.length, episodes: episodes.rows.length, haven: haven.length },
      matched: report.matched.map((m) => ({ child: named.get(m.childId)!, authorityChild: m.child, by: m.by })),
      proposals: report.proposals.map((p) => ({
        child: named.get(p.childId)!,
        authorityChild: p.child,
        reason: p.reason,
      })),
      unmatched: report.unmatched.map((id) => named.get(id)!),
      differences: report.differences.map(({ childId, child, ...d }) => ({
        child: named.get(childId)!,
        authorityChild: child,
        ...d,
      })),
      missing: report.missing,
      failures: report.failures.map((f) => ({ ...f, table: 'missing' as const })),
      readyToAdd: report.failures.length === 0,
    }
  })
}
