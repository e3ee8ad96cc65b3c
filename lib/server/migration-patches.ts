// The driver adapters the schema engine runs migrations through, with the four faults that stop them migrating
// safely worked around. Each patch names the upstream fault; tests/integration/migrations.test.ts checks each one,
// and that the fault is still there upstream (when that test fails, the patch can go).
/** The part of an adapter (PrismaPGlite, PrismaPg) the patches touch: internals, not their public types. */
export type PatchableAdapter = {
  client: { exec?(sql: string): Promise<unknown>; query(sql: string): Promise<unknown> }
  onError(e: unknown): never
  executeScript(sql: string): Promise<void>
  performIO?(query: unknown): Promise<{ fields: { dataTypeID: number }[] }>
  dispose(): Promise<void>
}

/**
 * pglite-prisma-adapter 0.7.2: executeScript calls db.exec() without awaiting it, so a migration that fails is
 * recorded as applied (and its error is an unhandled rejection). No upstream issue was found; migrations through
 * adapters in Prisma 7: https://github.com/lucasthevenet/pglite-utils/issues/51
 */
export function awaitPgliteScripts<T extends PatchableAdapter>(adapter: T): T {
  adapter.executeScript = async (sql: string) => {
    try {
      await adapter.client.exec!(sql)
    } catch (e) {
      adapter.onError(e)
    }
  }
  return adapter
}

/** PostgreSQL's internal one-byte "char" type (oid 18, in pg_catalog), which @prisma/adapter-pg cannot read. */
const INTERNAL_CHAR = 18
const TEXT = 25

/**
 * @prisma/adapter-pg 7.10: the schema engine's catalog queries return PostgreSQL's internal "char" columns
 * (pg_class.relkind, pg_constraint.contype...), which the adapter refuses as an unsupported column type: they are
 * read as text. The same fault for the catalog's `name` type: https://github.com/prisma/orm/issues/27403
 */
export function readInternalCharAsText<T extends PatchableAdapter>(adapter: T): T {
  const performIO = adapter.performIO!.bind(adapter)
  adapter.performIO = async (query: unknown) => {
    const result = await performIO(query)
    for (const field of result.fields) if (field.dataTypeID === INTERNAL_CHAR) field.dataTypeID = TEXT
    return result
  }
  return adapter
}

/**
 * @prisma/adapter-pg 7.10: executeScript splits a migration on every ';' and runs the pieces one by one, so a
 * migration is not atomic and a function body ($$ ... ; ... $$) is cut in two. The script is sent whole, as the
 * Prisma CLI's native engine does. A splitter that knows quoting was proposed (not merged):
 * https://github.com/prisma/orm/pull/27509
 */
export function runScriptsWhole<T extends PatchableAdapter>(adapter: T): T {
  adapter.executeScript = async (sql: string) => {
    try {
      await adapter.client.query(sql)
    } catch (e) {
      adapter.onError(e)
    }
  }
  return adapter
}

/**
 * @prisma/adapter-pg 7.10: connectToShadowDb creates a shadow database, then connects with
 * `{ connectionString, database }`, where node-postgres lets the connection string win: the "shadow" connection is
 * the MAIN database, which `npm run db -- new` would then reset. No upstream issue was found. This one creates the
 * shadow database, connects to it by URL, and drops it when disposed.
 */
export async function pgShadowDatabase<T extends PatchableAdapter>(url: string, connect: (url: string) => Promise<T>) {
  const admin = await connect(url)
  const shadowName = `prisma_shadow_${Date.now()}_${process.pid}`
  await admin.executeScript(`CREATE DATABASE "${shadowName}"`)
  const shadowUrl = new URL(url)
  shadowUrl.pathname = '/' + shadowName
  const shadow = await connect(shadowUrl.toString())
  const close = shadow.dispose.bind(shadow)
  shadow.dispose = async () => {
    await close()
    await admin.executeScript(`DROP DATABASE IF EXISTS "${shadowName}"`)
    await admin.dispose()
  }
  return shadow
}
