// Builds Haven and runs the Playwright specs in e2e/ against it (playwright.config.ts starts the server).
import { execFileSync, execSync } from 'node:child_process'
import { ensureChromium } from './ensure-chromium.mjs'

ensureChromium()
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', DATABASE_URL: '' }
execSync('npx next build', { stdio: 'inherit', env })
// arguments passed as they are (a -g pattern with | or spaces reaches Playwright whole)
execFileSync('npx', ['playwright', 'test', ...process.argv.slice(2)], { stdio: 'inherit', env })
