// The browser tests need Chromium. Playwright cannot download its own here, so use Debian's package:
// installed when missing and possible (root with apt-get), otherwise a clear message.
import { execSync } from 'node:child_process'
import fs from 'node:fs'

export const chromiumPath = process.env.HAVEN_CHROMIUM ?? '/usr/bin/chromium'

export function ensureChromium() {
  if (fs.existsSync(chromiumPath)) return chromiumPath
  const canInstall = process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get')
  if (!canInstall) {
    console.error(
      `The browser tests need Chromium at ${chromiumPath}, and it is not there.\n` +
        'Install it with: sudo apt-get install -y chromium   (Debian/Ubuntu), or set HAVEN_CHROMIUM to a Chrome or Chromium binary.',
    )
    process.exit(1)
  }
  console.log('Installing Chromium for the browser tests (apt-get install chromium)…')
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' })
  return chromiumPath
}
