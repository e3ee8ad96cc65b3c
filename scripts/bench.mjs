// `npm run bench`: the speed checks, against a production build with demo data. Prints the figures.
import { execSync } from 'node:child_process'
import { ensureChromium } from './ensure-chromium.mjs'

ensureChromium()
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', DATABASE_URL: '' }
execSync('npx next build', { stdio: 'inherit', env })
execSync('npx playwright test --config bench/playwright.config.ts', { stdio: 'inherit', env })
execSync(`${process.execPath} --import tsx bench/large-dataset.ts`, { stdio: 'inherit', env })
// the fuzz test of every POST route, at length (npm test runs 12 bodies a route)
execSync('npx vitest run tests/integration/fuzz.test.ts', { stdio: 'inherit', env: { ...env, FUZZ_CASES: '200' } })
// many simulated users through the pages and the API, one and two servers (bench/load.ts)
execSync(`${process.execPath} --import tsx bench/load.ts`, { stdio: 'inherit', env })
