import { bankHolidayDataWarning } from '@/lib/domain/bank-holidays'
import { checkEnvironmentOrExit, variable } from '@/lib/environment'
import { getDatabase } from './database'
import { DatabaseInUseError } from './embedded-lock'
import { applyMigrations } from './migrations'
import { startDispatcher } from './dispatcher'
import { onShutdown } from './shutdown'

export async function prepareDatabase() {
  checkEnvironmentOrExit()
  try {
    const database = await getDatabase()
    const applied = await applyMigrations(database)
    console.log(
      `Haven: ${database.kind === 'pglite' ? 'embedded database' : 'PostgreSQL'} ready` +
        (applied.length ? `; applied migrations ${applied.join(', ')}` : '; migrations up to date'),
    )
    const holidays = bankHolidayDataWarning(new Date().toISOString().slice(0, 10))
    if (holidays) console.warn(`Haven: ${holidays}`)
    // notifications go out, and time-based patterns are checked, from the server itself unless told otherwise
    if (variable('HAVEN_DISPATCHER') === 'on') onShutdown(startDispatcher())
    onShutdown(() => database.close())
  } catch (e) {
    console.error(e instanceof DatabaseInUseError ? `Haven cannot start: ${e.message}` : e)
    process.exit(1)
  }
}
