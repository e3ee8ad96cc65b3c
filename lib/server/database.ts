// Opens Haven's database: embedded PGlite in a data folder by default, a PostgreSQL server when DATABASE_URL is set.
// One Prisma client per process (kept on globalThis so Next's module reloading and scripts share it).
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { PrismaPGlite } from 'pglite-prisma-adapter'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient, type Prisma } from '@/lib/generated/prisma/client'
import { variable } from '@/lib/environment'
import { settings } from '@/lib/settings'
import { lockDataDir } from './embedded-lock'

export type Database = {
  kind: 'pglite' | 'postgres'
  prisma: PrismaClient
  /** the PGlite instance (embedded only): the migration runner must reuse it, never open the folder again */
  pglite?: PGlite
  url?: string
  close(): Promise<void>
}

export function embeddedDataDir() {
  return path.resolve(/* turbopackIgnore: true */ variable('HAVEN_DATA_DIR'))
}

/**
 * Opens a database. `pglite: 'memory'` gives a throw-away in-memory database (tests);
 * otherwise PGlite in `dataDir` (locked to this process) unless `url` (or DATABASE_URL) names a PostgreSQL server.
 */
export async function openDatabase(
  options: { url?: string; dataDir?: string; memory?: boolean } = {},
): Promise<Database> {
  const url = options.url ?? (options.memory || options.dataDir ? undefined : variable('DATABASE_URL'))
  if (url) {
    const prisma = new PrismaClient({
      adapter: new PrismaPg({ connectionString: url, ...poolLimits() }),
      transactionOptions: transactionLimits(),
    })
    return { kind: 'postgres', prisma, url, close: () => prisma.$disconnect() }
  }
  let release = async () => {}
  let pglite: PGlite
  if (options.memory) pglite = await PGlite.create()
  else {
    const dataDir = options.dataDir ?? embeddedDataDir()
    release = await lockDataDir(dataDir)
    try {
      pglite = await PGlite.create(path.join(dataDir, 'pglite'))
    } catch (e) {
      await release()
      throw e
    }
  }
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite), transactionOptions: transactionLimits() })
  return {
    kind: 'pglite',
    prisma,
    pglite,
    async close() {
      await prisma.$disconnect()
      await pglite.close()
      await release()
    },
  }
}

/** How long a transaction may run, and wait to start, before the request is answered "Haven is busy" (errors.ts). */
export function transactionLimits() {
  return { timeout: settings.database.transactionTimeoutMs, maxWait: settings.database.transactionMaxWaitMs }
}

/**
 * PostgreSQL's pool (node-postgres): at most HAVEN_DATABASE_POOL_SIZE connections, and a query waits at most
 * HAVEN_DATABASE_ACQUIRE_TIMEOUT_MS for one ("timeout exceeded when trying to connect": "Haven is busy", errors.ts)
 * instead of queueing without limit behind a database that has stopped keeping up. The embedded database has no pool:
 * its one connection queues every query, and only a transaction's own limits apply.
 */
export function poolLimits() {
  return { max: settings.database.poolSize, connectionTimeoutMillis: settings.database.acquireTimeoutMs }
}

const globalForDb = globalThis as unknown as { havenDatabase?: Promise<Database> }

/** The process's database, opened on first use. */
export function getDatabase(): Promise<Database> {
  globalForDb.havenDatabase ??= openDatabase().catch((e) => {
    globalForDb.havenDatabase = undefined
    throw e
  })
  return globalForDb.havenDatabase
}

/** Lets tests and scripts point the process at a database they opened themselves. */
export function useDatabase(database: Database) {
  globalForDb.havenDatabase = Promise.resolve(database)
}

export async function getPrisma() {
  return (await getDatabase()).prisma
}

export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0]

/**
 * Many rows in one statement, passed as one JSON parameter. Prisma's createMany binds a parameter per value and takes
 * seconds past a few thousand rows (a first pattern run writes tens of thousands). Rows need their ids; columns left
 * out of every row take their defaults.
 */
export async function insertRows(
  tx: Tx,
  table: Prisma.ModelName,
  rows: object[],
  options: { skipDuplicates?: boolean } = {},
) {
  if (!rows.length) return
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))].map((c) => `"${c}"`).join(', ')
  await tx.$executeRawUnsafe(
    `INSERT INTO "${table}" (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::"${table}", $1::json)${options.skipDuplicates ? ' ON CONFLICT DO NOTHING' : ''}`,
    JSON.stringify(rows),
  )
}

/** Queries one after another, typed like Promise.all: a transaction has one connection, and node-postgres is
 *  deprecating overlapping queries on one connection (an error in pg 9). */
export async function inTurn<T extends readonly unknown[]>(
  ...queries: { [K in keyof T]: () => PromiseLike<T[K]> }
): Promise<T> {
  const results: unknown[] = []
  for (const query of queries) results.push(await query())
  return results as unknown as T
}
