import path from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    setupFiles: ['tests/support/after-each-file.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    // signs device cookies and password links (lib/server/secret.ts); a server has its own
    env: { AUTH_SECRET: 'a secret for tests only' },
    hookTimeout: 60_000,
  },
})
