// `npm run bench`: the speed checks, against a production build with demo data. Prints the figures.
import { execSync } from 'node:child_process'
import { ensureChromium } from './ensure-chromium.mjs'

ensureChromium()
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', DATABASE_URL: '' }
execSync('npx next build', { stdio: 'inherit', env })
execSync('npx playwright test --config bench/playwright.config.ts', { stdio: 'inherit', env })
execSync(`${process.execPath} --import tsx bench/large-dataset.ts`, { stdio: 'inherit', env })
