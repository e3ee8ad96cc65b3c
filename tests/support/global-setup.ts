// Builds one migrated database with the real migration runner, once per run; each test file then starts from
// a fresh copy of it: a PGlite data-directory dump, or (with DATABASE_URL) a PostgreSQL template database.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { openDatabase } from '@/lib/server/database'
import { applyMigrations } from '@/lib/server/migrations'

export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL
  if (url) {
    const template = `haven_template_${process.pid}`
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    await admin.query(`DROP DATABASE IF EXISTS ${template}`)
    await admin.query(`CREATE DATABASE ${template}`)
    const templateUrl = new URL(url)
    templateUrl.pathname = '/' + template
    const db = await openDatabase({ url: templateUrl.toString() })
    await applyMigrations(db)
    await db.close()
    project.provide('database', { kind: 'postgres', url, template })
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${template}`)
      await admin.end()
    }
  }
  const db = await openDatabase({ memory: true })
  await applyMigrations(db)
  const dump = await db.pglite!.dumpDataDir('none')
  await db.close()
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'haven-test-')), 'migrated.tar')
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()))
  project.provide('database', { kind: 'pglite', dump: file })
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true })
}

declare module 'vitest' {
  export interface ProvidedContext {
    database: { kind: 'pglite'; dump: string } | { kind: 'postgres'; url: string; template: string }
  }
}
