// Database commands:  npm run db -- migrate | new <name> | status | demo | verify-audit | patterns
// Uses DATABASE_URL when set, otherwise the embedded database in ./data (or HAVEN_DATA_DIR).
import { checkEnvironmentOrExit } from '@/lib/environment'
import { openDatabase, useDatabase } from '@/lib/server/database'
import { applyMigrations, createMigration, migrationStatus } from '@/lib/server/migrations'
import { verifyAuditChain } from '@/lib/server/audit'
import { loadDemoData } from '@/prisma/demo-data'

checkEnvironmentOrExit()
const [command, arg] = process.argv.slice(2)
const database = await openDatabase().catch((e: Error) => {
  console.error(e.message) // e.g. the embedded database is open in the running server
  process.exit(1)
})
useDatabase(database)
try {
  if (command === 'migrate') {
    const applied = await applyMigrations(database)
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.')
  } else if (command === 'new') {
    if (!arg) throw new Error('Name the migration: npm run db -- new <name>')
    const created = await createMigration(database, arg)
    console.log(created ? `Created and applied ${created}` : 'schema.prisma is unchanged: no migration created.')
  } else if (command === 'status') {
    console.log(JSON.stringify(await migrationStatus(database), null, 2))
  } else if (command === 'demo') {
    await applyMigrations(database)
    console.log(`Demo data: ${await loadDemoData()}.`)
  } else if (command === 'patterns') {
    const { escalateUnacknowledged, recomputeAllPatterns } = await import('@/lib/server/patterns')
    const started = Date.now()
    const result = await recomputeAllPatterns()
    console.log(
      `Patterns recomputed in ${Date.now() - started} ms: ${result.opened} opened, ${result.updated} updated, ${result.reopened} reopened; ${await escalateUnacknowledged()} escalated.`,
    )
    const { flagMissedVisits } = await import('@/lib/server/oversight/flags')
    console.log(`Homes flagged for last month's missing Regulation 44 visit: ${await flagMissedVisits()}.`)
  } else if (command === 'verify-audit') {
    const result = await verifyAuditChain(database.prisma)
    if (result.ok) console.log(`The audit trail is intact: ${result.checked} events checked.`)
    else {
      console.error(`The audit trail is broken at event ${result.brokenSeq}: ${result.reason}.`)
      process.exitCode = 2
    }
  } else {
    throw new Error(
      `Unknown command "${command ?? ''}". Use: migrate | new <name> | status | demo | verify-audit | patterns`,
    )
  }
} catch (e) {
  console.error(e instanceof Error ? e.message : e)
  process.exitCode = 1
} finally {
  await database.close()
  process.exit() // the wasm engine leaves a timer pending
}
