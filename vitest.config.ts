import path from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts', 'tests/support/openapi-coverage.ts'],
    // every API answer is checked against the OpenAPI document
    setupFiles: ['tests/support/after-each-file.ts', 'tests/support/openapi.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    // signs device cookies and password links (lib/server/secret.ts); a server has its own
    // HAVEN_MFA_REQUIRED_ROLES: most tests sign in as roles that would need a second factor; its tests set it
    env: { AUTH_SECRET: 'a secret for tests only', HAVEN_MFA_REQUIRED_ROLES: 'none' },
    hookTimeout: 60_000,
  },
})
