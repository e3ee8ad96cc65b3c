// The SSDA903 return's Header, Episodes and Missing tables for a placing authority and a collection year (1 April
// to 31 March), from Haven's children, placements and episodes, with the DfE's checks on the Missing table
// (lib/domain/ssda903-missing.ts). Fields Haven does not hold (UPN, MOTHER, MC_DOB, CIN, HOME_POST) are left blank.
import { strToU8, zipSync } from 'fflate'
import { toCsv } from '@/lib/domain/csv'
import type { Actor } from '@/lib/domain/roles'
import {
  checkMissingTable,
  returnDate,
  type EpisodeRow,
  type HeaderRow,
  type MissingRow,
} from '@/lib/domain/ssda903-missing'
import { isoDate, londonDate } from '@/lib/domain/time'
import { orNotFound, useCase } from './use-case'

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

/** year 2025 is the collection year 1 April 2025 to 31 March 2026. */
export const collectionYear = (year: number) => ({ from: `${year}-04-01`, to: `${year + 1}-03-31` })

/** The collection year a UK day falls in (before 1 April, the one that started the year before). */
export const collectionYearOn = (isoDay: string) => Number(isoDay.slice(0, 4)) - (isoDay.slice(5) < '04-01' ? 1 : 0)

export async function ssda903Return(actor: Actor, query: { year: number; authorityId: string }, now = new Date()) {
  const denied = { forbidden: 'Only an LA missing lead exports the SSDA903 return.' }
  return useCase(actor, 'export.ssda903', { denied, now }, async ({ tx, scope, audit }) => {
    // the lead's own authority only: another authority's return is not found, as if it did not exist
    const authority = await tx.localAuthority
      .findFirst({ where: { AND: [{ id: query.authorityId }, scope.authority] }, select: { id: true, name: true } })
      .then(orNotFound('local authority'))
    const { from, to } = collectionYear(query.year)
    const inYear = {
      startDate: { lte: new Date(`${to}T00:00:00Z`) },
      OR: [{ endDate: null }, { endDate: { gte: new Date(`${from}T00:00:00Z`) } }],
    }
    const children = await tx.child.findMany({
      where: { AND: [{ placingAuthorityId: authority.id, placements: { some: inYear } }, scope.child] },
      orderBy: { id: 'asc' },
      select: {
        id: true,
        sex: true,
        dateOfBirth: true,
        ethnicity: true,
        legalStatus: true,
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
        missingEpisodes: {
          where: {
            lastSeenAt: { lte: new Date(`${to}T23:59:59Z`) },
            OR: [{ returnedAt: null }, { returnedAt: { gte: new Date(`${from}T00:00:00Z`) } }],
          },
          orderBy: { lastSeenAt: 'asc' },
          select: { absenceType: true, lastSeenAt: true, returnedAt: true },
        },
      },
    })
    const header: (HeaderRow & Record<string, string>)[] = []
    const episodes: (EpisodeRow & Record<string, string>)[] = []
    const missing: MissingRow[] = []
    for (const c of children) {
      const dob = returnDate(isoDate(c.dateOfBirth))
      header.push({
        CHILD: c.id,
        SEX: c.sex === 'MALE' ? '1' : '2',
        DOB: dob,
        ETHNIC: c.ethnicity,
        UPN: '',
        MOTHER: '',
        MC_DOB: '',
      })
      c.placements.forEach((p, i) => {
        const start = isoDate(p.startDate)
        const end = p.endDate ? isoDate(p.endDate) : null
        if (start > to || (end !== null && end < from)) return
        const before = c.placements[i - 1]
        // a new period of care (S) unless the previous placement ended the same day with a move (P: placement change)
        const rne =
          before && before.endDate && isoDate(before.endDate) === start && before.endReason === 'X1' ? 'P' : 'S'
        const endsInYear = end !== null && end <= to
        episodes.push({
          CHILD: c.id,
          DECOM: returnDate(start),
          RNE: rne,
          LS: c.legalStatus,
          CIN: '',
          PLACE: p.placeCode,
          PLACE_PROVIDER: p.placeProvider,
          DEC: endsInYear ? returnDate(end) : '',
          REC: endsInYear ? (p.endReason ?? '') : '',
          REASON_PLACE_CHANGE: rne === 'P' ? (p.reasonForChange ?? '') : '',
          HOME_POST: '',
          PL_POST: p.home?.postcode ?? p.settingPostcode ?? '',
          URN: p.home?.ofstedUrn ?? 'XXXXXXX',
        })
      })
      for (const e of c.missingEpisodes) {
        const returned = e.returnedAt && londonDate(e.returnedAt) <= to ? londonDate(e.returnedAt) : null
        missing.push({
          CHILD: c.id,
          DOB: dob,
          MISSING: e.absenceType === 'MISSING' ? 'M' : 'A',
          MIS_START: returnDate(londonDate(e.lastSeenAt)),
          MIS_END: returned ? returnDate(returned) : '',
        })
      }
    }
    const failures = checkMissingTable({ header, episodes, missing })
    await audit({
      action: 'export.ssda903',
      subjectType: 'local-authority',
      subjectId: authority.id,
      childIds: children.map((c) => c.id),
      details: { year: query.year, children: children.length, failures: failures.length },
    })
    return {
      authority,
      year: query.year,
      period: { from, to },
      generatedAt: now.toISOString(),
      tables: { header, episodes, missing },
      failures,
    }
  })
}

/** One table as CSV with the DfE's column names. */
export function ssda903Csv(table: Ssda903Table, rows: Record<string, string>[]) {
  const columns = SSDA903_COLUMNS[table]
  return toCsv(
    [...columns],
    rows.map((r) => columns.map((c) => r[c] ?? '')),
  )
}

/** What to download: one table as CSV, or all three in a zip (each CSV named as the DfE's tables are). */
export function ssda903Download(
  result: { year: number; tables: Record<Ssda903Table, Record<string, string>[]> },
  table: Ssda903Table | 'all',
) {
  const name = (t: Ssda903Table) => `ssda903-${result.year}-${t}.csv`
  if (table !== 'all')
    return {
      filename: name(table),
      contentType: 'text/csv; charset=utf-8',
      body: ssda903Csv(table, result.tables[table]),
    }
  const files = Object.fromEntries(
    (Object.keys(SSDA903_COLUMNS) as Ssda903Table[]).map((t) => [name(t), strToU8(ssda903Csv(t, result.tables[t]))]),
  )
  return { filename: `ssda903-${result.year}.zip`, contentType: 'application/zip', body: zipSync(files, { level: 6 }) }
}
