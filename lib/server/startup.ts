import { getDatabase } from './database'
import { DatabaseInUseError } from './embedded-lock'
import { applyMigrations } from './migrations'

export async function prepareDatabase() {
  try {
    const database = await getDatabase()
    const applied = await applyMigrations(database)
    console.log(
      `Haven: ${database.kind === 'pglite' ? 'embedded database' : 'PostgreSQL'} ready` +
        (applied.length ? `; applied migrations ${applied.join(', ')}` : '; migrations up to date'),
    )
  } catch (e) {
    console.error(e instanceof DatabaseInUseError ? `Haven cannot start: ${e.message}` : e)
    process.exit(1)
  }
}
