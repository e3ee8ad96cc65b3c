// Runs the notification dispatcher and the scheduled pattern checks on their own (a PostgreSQL deployment can run it
// beside the web servers). The web server runs the same loop itself (instrumentation.ts).
import { checkEnvironmentOrExit } from '@/lib/environment'
import { openDatabase, useDatabase } from '@/lib/server/database'
import { startDispatcher } from '@/lib/server/dispatcher'
import { applyMigrations } from '@/lib/server/migrations'

checkEnvironmentOrExit()
const database = await openDatabase().catch((e: Error) => {
  console.error(e.message)
  process.exit(1)
})
useDatabase(database)
await applyMigrations(database)
console.log('Haven dispatcher running')
const stop = startDispatcher()
// a database that fails to close still ends the process, with the reason (not an unhandled rejection that hangs it)
// the run in progress finishes and hands back what it claimed first, so no message waits for a lease to run out
const shutDown = () => {
  stop()
    .then(() => database.close())
    .then(
      () => process.exit(0),
      (e: unknown) => {
        console.error('Haven dispatcher: could not close the database:', e)
        process.exit(1)
      },
    )
}
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, shutDown)
