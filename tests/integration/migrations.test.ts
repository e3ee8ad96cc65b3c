import { beforeAll, describe, expect, it } from 'vitest'
import fs from 'node:fs'
import type { Database } from '@/lib/server/database'
import { applyMigrations, migrationStatus } from '@/lib/server/migrations'
import { freshDatabase } from '../support/database'
import { makeChild, makePerson, makeWorld } from '../support/fixtures'

let database: Database
beforeAll(async () => {
  database = await freshDatabase()
})

describe('migrations (own runner over the schema engine in WebAssembly)', () => {
  it('a migrated database has every migration in the folder applied, and applying again does nothing', async () => {
    const folders = fs.readdirSync('prisma/migrations', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)
    const applied = await database.prisma.$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name`
    expect(applied.map((m) => m.migration_name)).toEqual(folders.sort())
    expect(await applyMigrations(database)).toEqual([])
    const status = await migrationStatus(database)
    expect(status).toMatchObject({ failedMigrationNames: [], editedMigrationNames: [], hasMigrationsTable: true })
  })

  it('rewrites notifications written before e-mails said nothing: the inbox title loses "Haven:", the e-mail only initials', async () => {
    const world = await makeWorld()
    const iro = await makePerson([{ role: 'IRO' }], 'Migrated IRO')
    const child = await makeChild({ homeId: world.homeA.id, placingAuthorityId: world.laOne.id, iroId: iro.userId, firstName: 'Aaliyah' })
    const old = (title: string, body: string, childId: string | null) => database.prisma.notification.create({ data: { recipientId: iro.userId, kind: 'x', title, body, link: '/x', childId } })
    const alert = await old('Haven alert opened: CSE risk without a current safety plan (A.T.)', 'CSE risk without a current safety plan opened for A.T. Sign in to Haven to see the evidence and decide what to do.', child.id)
    const back = await old('Haven: A.T. is back', 'A.T. came back 1 Dec 2026, 10:00 after 2 h.', child.id)
    const visit = await old('Haven: no Regulation 44 visit at Willow House in November 2026', "No independent person's visit was recorded at Willow House in November 2026.", null)
    // the data part of the migration, as it ran on databases that had these rows
    const folder = fs.readdirSync('prisma/migrations').find((f) => f.endsWith('_notification_subject'))!
    const sql = fs.readFileSync(`prisma/migrations/${folder}/migration.sql`, 'utf8')
    for (const statement of sql.split(/;\s*\n/).filter((s) => /^\s*(--.*\n)*\s*UPDATE/.test(s))) await database.prisma.$executeRawUnsafe(statement)
    const now = await database.prisma.notification.findMany({ where: { id: { in: [alert.id, back.id, visit.id] } } })
    const byId = (id: string) => now.find((n) => n.id === id)!
    expect(byId(alert.id)).toMatchObject({ title: 'Alert opened: CSE risk without a current safety plan (A.T.)', body: 'Something about A.T. needs your attention in Haven.', subject: 'Haven: something needs your attention' })
    expect(byId(back.id)).toMatchObject({ title: 'A.T. is back', body: 'Something about A.T. needs your attention in Haven.' })
    expect(byId(visit.id)).toMatchObject({ title: 'No Regulation 44 visit at Willow House in November 2026', body: 'Something needs your attention in Haven.' })
  })
})
