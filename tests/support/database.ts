// A fresh, migrated, real database for one test file (see global-setup.ts), installed as the process's database.
import fs from 'node:fs'
import { randomBytes } from 'node:crypto'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { PrismaPGlite } from 'pglite-prisma-adapter'
import { inject } from 'vitest'
import { PrismaClient } from '@/lib/generated/prisma/client'
import { openDatabase, useDatabase, type Database } from '@/lib/server/database'

export async function freshDatabase(): Promise<Database> {
  const source = inject('database')
  let database: Database
  if (source.kind === 'pglite') {
    const pglite = await PGlite.create({ loadDataDir: new Blob([fs.readFileSync(source.dump)]) })
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) })
    database = {
      kind: 'pglite',
      prisma,
      pglite,
      close: async () => {
        await prisma.$disconnect()
        await pglite.close()
      },
    }
  } else {
    const name = `haven_test_${randomBytes(6).toString('hex')}`
    const admin = new pg.Client({ connectionString: source.url })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${source.template}`)
    const url = new URL(source.url)
    url.pathname = '/' + name
    const server = await openDatabase({ url: url.toString() })
    database = {
      ...server,
      close: async () => {
        await server.close()
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
        await admin.end()
      },
    }
  }
  useDatabase(database)
  opened.push(database)
  return database
}

const opened: Database[] = []

/** Closes (and on PostgreSQL drops) the databases this test file opened: see after-each-file.ts. */
export async function closeDatabases() {
  for (const database of opened.splice(0)) await database.close()
}
