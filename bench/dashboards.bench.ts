// How tall each role's dashboard is at 1280 px and 360 px wide, and where its first panel ends: the urgent items
// should fit in the first screen (about 800 px), the rest one click away (issue #18). Figures are printed, not
// asserted (see README); screenshots go to test-results/dashboards/.
import { test } from '@playwright/test'
import { signIn } from '../e2e/helpers'

const PEOPLE = [
  ['care worker', 'care.worker@demo.haven.test'],
  ['registered manager', 'manager@demo.haven.test'],
  ['responsible individual', 'ri@demo.haven.test'],
  ['IRO', 'iro@demo.haven.test'],
  ['social worker', 'social.worker@demo.haven.test'],
  ['return interview practitioner', 'rhi@demo.haven.test'],
  ['independent visitor', 'visitor@demo.haven.test'],
  ['LA missing lead', 'missing.lead@demo.haven.test'],
  ['system administrator', 'admin@demo.haven.test'],
] as const

test('every role’s dashboard height at 1280 and 360 px', async ({ page }) => {
  test.setTimeout(300_000)
  const rows: Record<string, unknown>[] = []
  for (const [role, email] of PEOPLE) {
    await page.context().clearCookies()
    await page.setViewportSize({ width: 1280, height: 800 })
    await signIn(page, email)
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 800 })
      await page.goto('/')
      const { height, firstPanelEnds } = await page.evaluate(() => ({
        height: document.documentElement.scrollHeight,
        firstPanelEnds: Math.round(
          (document.querySelector('main .panel')?.getBoundingClientRect().bottom ?? 0) + window.scrollY,
        ),
      }))
      const file = `test-results/dashboards/${role.replace(/ /g, '-')}-${width}.png`
      await page.screenshot({ path: file, fullPage: true })
      rows.push({ role, width, height, firstPanelEnds })
    }
  }
  for (const row of rows) console.log(`BENCH dashboard ${JSON.stringify(row)}`)
  test.info().annotations.push({ type: 'dashboards', description: JSON.stringify(rows) })
})
