// Runs once when the Haven server starts, before it serves: open the database (taking the embedded folder's lock)
// and apply pending migrations. A second server on the same folder stops here with a clear message. On SIGTERM it
// stops gracefully (lib/server/shutdown.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return
  const { guardHttpServers } = await import('./lib/server/forbidden-methods')
  guardHttpServers()
  const { handleSignals } = await import('./lib/server/shutdown')
  handleSignals()
  const { prepareDatabase } = await import('./lib/server/startup')
  await prepareDatabase()
}
