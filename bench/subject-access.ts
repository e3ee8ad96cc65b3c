// The subject access export and the access report for the bench dataset's busiest child (most missing episodes),
// as its placing authority's missing lead: time and size. Called from bench/large-dataset.ts.
import { loadActor } from '@/lib/server/accounts'
import { getChildAccessReport } from '@/lib/server/access-report'
import type { Database } from '@/lib/server/database'
import { childSubjectAccessExport } from '@/lib/server/subject-access'

export async function timeSubjectAccess(db: Database) {
  const [busiest] = await db.prisma.child.findMany({
    orderBy: { missingEpisodes: { _count: 'desc' } },
    take: 1,
    select: { id: true, placingAuthorityId: true, _count: { select: { missingEpisodes: true } } },
  })
  const lead = (await loadActor(db.prisma, `blead-${busiest.placingAuthorityId}`))!
  let started = performance.now()
  const exported = await childSubjectAccessExport(lead, busiest.id)
  const exportMs = performance.now() - started
  started = performance.now()
  const report = await getChildAccessReport(lead, busiest.id)
  const reportMs = performance.now() - started
  return {
    episodes: busiest._count.missingEpisodes,
    records: exported.records,
    zipBytes: exported.zip.length,
    exportMs: Math.round(exportMs),
    accessReportEntries: report.entries.length,
    accessReportMs: Math.round(reportMs),
  }
}
