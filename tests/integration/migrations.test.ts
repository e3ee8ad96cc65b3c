import { beforeAll, describe, expect, it } from 'vitest'
import fs from 'node:fs'
import type { Database } from '@/lib/server/database'
import { applyMigrations, migrationStatus } from '@/lib/server/migrations'
import { freshDatabase } from '../support/database'

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
})
