import { beforeAll, describe, expect, inject, it } from 'vitest'
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { PGlite } from '@electric-sql/pglite'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaPGlite } from 'pglite-prisma-adapter'
import { openDatabase, type Database } from '@/lib/server/database'
import {
  awaitPgliteScripts,
  pgShadowDatabase,
  readInternalCharAsText,
  runScriptsWhole,
  type PatchableAdapter,
} from '@/lib/server/migration-patches'
import { applyMigrations, migrationStatus } from '@/lib/server/migrations'
import { freshDatabase } from '../support/database'
import { makeChild, makePerson, makeWorld } from '../support/fixtures'

let database: Database
beforeAll(async () => {
  database = await freshDatabase()
})

describe('migrations (own runner over the schema engine in WebAssembly)', () => {
  it('a migrated database has every migration in the folder applied, and applying again does nothing', async () => {
    const folders = fs
      .readdirSync('prisma/migrations', { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
    const applied = await database.prisma.$queryRaw<
      { migration_name: string }[]
    >`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name`
    expect(applied.map((m) => m.migration_name)).toEqual(folders.sort())
    expect(await applyMigrations(database)).toEqual([])
    const status = await migrationStatus(database)
    expect(status).toMatchObject({ failedMigrationNames: [], editedMigrationNames: [], hasMigrationsTable: true })
  })

  it('rewrites notifications written before e-mails said nothing: the inbox title loses "Haven:", the e-mail only initials', async () => {
    const world = await makeWorld()
    const iro = await makePerson([{ role: 'IRO' }], 'Migrated IRO')
    const child = await makeChild({
      homeId: world.homeA.id,
      placingAuthorityId: world.laOne.id,
      iroId: iro.userId,
      firstName: 'Aaliyah',
    })
    const old = (title: string, body: string, childId: string | null) =>
      database.prisma.notification.create({
        data: { recipientId: iro.userId, kind: 'x', title, body, link: '/x', childId },
      })
    const alert = await old(
      'Haven alert opened: CSE risk without a current safety plan (A.T.)',
      'CSE risk without a current safety plan opened for A.T. Sign in to Haven to see the evidence and decide what to do.',
      child.id,
    )
    const back = await old('Haven: A.T. is back', 'A.T. came back 1 Dec 2026, 10:00 after 2 h.', child.id)
    const visit = await old(
      'Haven: no Regulation 44 visit at Willow House in November 2026',
      "No independent person's visit was recorded at Willow House in November 2026.",
      null,
    )
    // the data part of the migration, as it ran on databases that had these rows
    const folder = fs.readdirSync('prisma/migrations').find((f) => f.endsWith('_notification_subject'))!
    const sql = fs.readFileSync(`prisma/migrations/${folder}/migration.sql`, 'utf8')
    for (const statement of sql.split(/;\s*\n/).filter((s) => /^\s*(--.*\n)*\s*UPDATE/.test(s)))
      await database.prisma.$executeRawUnsafe(statement)
    const now = await database.prisma.notification.findMany({ where: { id: { in: [alert.id, back.id, visit.id] } } })
    const byId = (id: string) => now.find((n) => n.id === id)!
    expect(byId(alert.id)).toMatchObject({
      title: 'Alert opened: CSE risk without a current safety plan (A.T.)',
      body: 'Something about A.T. needs your attention in Haven.',
      subject: 'Haven: something needs your attention',
    })
    expect(byId(back.id)).toMatchObject({
      title: 'A.T. is back',
      body: 'Something about A.T. needs your attention in Haven.',
    })
    expect(byId(visit.id)).toMatchObject({
      title: 'No Regulation 44 visit at Willow House in November 2026',
      body: 'Something needs your attention in Haven.',
    })
  })
})

describe('a migration that fails', () => {
  it('is recorded as failed, and the server refuses to start, then and until it is resolved', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'haven-failing-migration-'))
    try {
      fs.cpSync('prisma', path.join(dir, 'prisma'), { recursive: true })
      const failing = '99990101000000_fails'
      fs.mkdirSync(path.join(dir, 'prisma/migrations', failing))
      fs.writeFileSync(path.join(dir, 'prisma/migrations', failing, 'migration.sql'), 'SELECT * FROM "NoSuchTable";\n')
      const env = {
        ...process.env,
        DATABASE_URL: '',
        HAVEN_DATA_DIR: path.join(dir, 'data'),
        HAVEN_PRISMA_DIR: path.join(dir, 'prisma'),
      }
      // the server's own start-up (instrumentation.ts), on an embedded database of its own
      const startUp = "import('./lib/server/startup.ts').then((m) => m.prepareDatabase())"
      const start = () =>
        promisify(execFile)(process.execPath, ['node_modules/tsx/dist/cli.mjs', '-e', startUp], {
          env,
          timeout: 150_000,
        }).then(
          () => ({ code: 0, stderr: '' }),
          (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
        )
      const first = await start()
      expect(first.code).toBe(1)
      expect(first.stderr).toContain(failing)

      const db = await openDatabase({ dataDir: path.join(dir, 'data') })
      const rows = await db.prisma.$queryRaw<{ finished_at: Date | null; logs: string | null }[]>`
        SELECT finished_at, logs FROM _prisma_migrations WHERE migration_name = ${failing}`
      await db.close()
      expect(rows).toHaveLength(1)
      expect(rows[0].finished_at).toBeNull() // not applied: before the fix it was recorded as applied
      expect(rows[0].logs).toContain('NoSuchTable')

      const again = await start()
      expect(again.code).toBe(1)
      expect(again.stderr).toContain(failing)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }, 300_000)
})

// Each patch in lib/server/migration-patches.ts: it works, and the fault it works around is still there upstream (when
// an "upstream" expectation fails, the adapter has been fixed: remove the patch).
describe('the patches over the migration adapters', () => {
  it('PGlite: a script that fails is an error (upstream, executeScript succeeds and the failure is lost)', async () => {
    const pglite = new PGlite()
    try {
      const upstream = (await new PrismaPGlite(pglite).connect()) as unknown as PatchableAdapter
      let execution: Promise<unknown> | undefined
      const exec = pglite.exec.bind(pglite)
      upstream.client.exec = (sql: string) => (execution = exec(sql))
      await expect(upstream.executeScript('SELECT * FROM "NoSuchTable"')).resolves.toBeUndefined()
      await expect(execution).rejects.toThrow('NoSuchTable')

      const patched = awaitPgliteScripts((await new PrismaPGlite(pglite).connect()) as unknown as PatchableAdapter)
      await expect(patched.executeScript('SELECT * FROM "NoSuchTable"')).rejects.toThrow()
      await patched.executeScript('CREATE TABLE "Made" (id int); INSERT INTO "Made" VALUES (1)')
      expect((await pglite.query('SELECT id FROM "Made"')).rows).toEqual([{ id: 1 }])
    } finally {
      await pglite.close()
    }
  })

  const source = inject('database')
  const url = source.kind === 'postgres' ? source.url : ''
  const connect = async (connectionString: string) =>
    (await new PrismaPg({ connectionString, max: 1 }).connect()) as unknown as PatchableAdapter & {
      queryRaw(query: { sql: string; args: unknown[]; argTypes: unknown[] }): Promise<{ rows: unknown[][] }>
    }
  const sql = (text: string) => ({ sql: text, args: [], argTypes: [] })

  describe.skipIf(!url)('on PostgreSQL (runs when DATABASE_URL is set)', () => {
    it('reads the catalog\'s internal "char" columns (upstream: an unsupported column type)', async () => {
      const upstream = await connect(url)
      const patched = readInternalCharAsText(await connect(url))
      try {
        const query = sql("SELECT relkind FROM pg_class WHERE relname = 'pg_class'")
        await expect(upstream.queryRaw(query)).rejects.toThrow()
        expect((await patched.queryRaw(query)).rows).toEqual([['r']])
      } finally {
        await upstream.dispose()
        await patched.dispose()
      }
    })

    it('runs a migration whole, so a function body with ";" in it works (upstream: split on every ";")', async () => {
      const script = `CREATE FUNCTION haven_patch_test() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql;
        DROP FUNCTION haven_patch_test();`
      const upstream = await connect(url)
      const patched = runScriptsWhole(await connect(url))
      try {
        await expect(upstream.executeScript(script)).rejects.toThrow()
        await expect(patched.executeScript(script)).resolves.toBeUndefined()
      } finally {
        await upstream.dispose()
        await patched.dispose()
      }
    })

    it('gives the engine a shadow database of its own, and drops it after (upstream: the main database)', async () => {
      const main = await connect(url)
      try {
        const name = async (adapter: Awaited<ReturnType<typeof connect>>) =>
          (await adapter.queryRaw(sql('SELECT current_database()'))).rows[0][0] as string
        const mainName = await name(main)

        const upstream = await new PrismaPg({ connectionString: url, max: 1 }).connectToShadowDb()
        expect(await name(upstream as never)).toBe(mainName)
        await upstream.dispose()

        const shadow = await pgShadowDatabase(url, connect)
        const shadowName = await name(shadow)
        expect(shadowName).toMatch(/^prisma_shadow_/)
        await shadow.dispose()
        const left = await main.queryRaw(sql(`SELECT datname FROM pg_database WHERE datname = '${shadowName}'`))
        expect(left.rows).toEqual([])
      } finally {
        await main.dispose()
      }
    })
  })
})
