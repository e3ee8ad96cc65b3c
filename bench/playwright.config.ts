// Benchmarks run in the browser against the production build with demo data (see scripts/bench.mjs).
import base from '../playwright.config'
import { defineConfig } from '@playwright/test'

const port = Number(process.env.E2E_PORT ?? 3300)

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: '*.bench.ts',
  reporter: [['list']],
  use: { ...base.use, baseURL: `http://127.0.0.1:${port}` },
  webServer: {
    ...base.webServer,
    cwd: '..',
    url: `http://127.0.0.1:${port}/sign-in`,
    env: { E2E_PORT: String(port) },
  } as never,
})
