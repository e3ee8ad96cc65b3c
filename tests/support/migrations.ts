// For a test of what one migration does to data already there: apply the migrations before it to an empty
// in-memory database, insert rows the old way, then apply it and those after it.
import fs from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'

const folders = fs
  .readdirSync('prisma/migrations', { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort()
const sql = (folder: string) => fs.readFileSync(path.join('prisma/migrations', folder, 'migration.sql'), 'utf8')

/** A database migrated up to, not including, `migration` (its folder name); `finish()` applies it and the rest,
 * `finish({ onlyThis: true })` only it (when a later migration drops what the test reads). */
export async function databaseBefore(migration: string) {
  if (!folders.includes(migration)) throw new Error(`No migration ${migration}`)
  const pglite = await PGlite.create()
  for (const folder of folders.filter((f) => f < migration)) await pglite.exec(sql(folder))
  return {
    pglite,
    finish: async ({ onlyThis = false } = {}) => {
      for (const folder of folders.filter((f) => (onlyThis ? f === migration : f >= migration)))
        await pglite.exec(sql(folder))
    },
  }
}
