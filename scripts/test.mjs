// `npm test`: every test. Type check, lint, format and line length, the OpenAPI document (lint, and a client generated
// from it), unit and integration tests (vitest, on a fresh PGlite database; on PostgreSQL too when DATABASE_URL is
// set), then the browser tests (Playwright in Debian's Chromium against a production build).
import { execSync } from 'node:child_process'

const run = (title, command, env = {}) => {
  const started = Date.now()
  console.log(`\n=== ${title}`)
  execSync(command, { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env } })
  console.log(`=== ${title}: passed in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

try {
  run('Type check', 'npx tsc --noEmit')
  run('Lint (ESLint)', 'npx eslint .')
  run('Format (Prettier; `npm run format` fixes it)', 'npx prettier --check .')
  run('Lines at most 120 characters', 'node scripts/check-line-length.mjs')
  run('OpenAPI document: lint, and a generated client types every response', 'npx tsx scripts/openapi.ts check')
  run('Unit and integration tests (embedded PGlite)', 'npx vitest run', { DATABASE_URL: '' })
  if (process.env.DATABASE_URL) run('Integration tests (PostgreSQL)', 'npx vitest run tests/integration')
  run('Browser tests (Playwright, Chromium)', 'node scripts/e2e.mjs')
} catch {
  process.exit(1)
}
