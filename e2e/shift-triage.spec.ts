// Issue #18, on shift on a phone: the care worker reports a child missing from the dashboard with the keyboard at
// 360 px; alerts are read by every reader of a child and grouped by kind, naming what they are about.
import { expect, test } from '@playwright/test'
import { signIn } from './helpers'

// Mohammed Iqbal: back from the episode e2e/missing-episodes.spec.ts reports and closes (this file runs after it)
test('the care worker reports a child missing from the dashboard, keyboard only, at 360 px', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 })
  await signIn(page, 'care.worker@demo.haven.test')
  await page.goto('/') // as the page opens on the phone: the keys count from its top
  const children = page.getByRole('region', { name: /^Children at your home/ })
  await expect(children.getByRole('link', { name: 'Report Mohammed missing' })).toBeVisible()
  let keys = 0
  const press = async (key: string) => {
    keys++
    await page.keyboard.press(key)
  }
  const focused = () => page.evaluate(() => (document.activeElement?.textContent ?? '').trim())
  const focusedLabel = () =>
    page.evaluate(() => {
      const id = document.activeElement?.getAttribute('id')
      return (id ? document.querySelector(`label[for="${id}"]`)?.textContent : '') ?? ''
    })
  await press('Tab')
  expect(await focused()).toBe('Skip to main content')
  await press('Enter')
  for (let i = 0; i < 20 && (await focused()) !== 'Report Mohammed missing'; i++) await press('Tab')
  await press('Enter')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Report Mohammed Iqbal missing')
  // the first question: "Do you know where Mohammed is?", No: missing
  for (let i = 0; i < 20 && !/^No: missing/.test(await focusedLabel()); i++) await press('Tab')
  await press('Space')
  await press('Tab') // "Have the police been told?": Yes, then Not yet
  await press('ArrowRight')
  await expect(page.getByLabel('No: missing')).toBeChecked()
  await expect(page.getByLabel('Not yet')).toBeChecked()
  await press('Enter') // when last seen (now) and where (the home) are already filled in
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Mohammed Iqbal: missing since')
  expect(keys).toBeLessThanOrEqual(20)

  // he is missing now on the dashboard, with no second "Report missing"
  await page.goto('/')
  await expect(page.getByRole('region', { name: /^Missing now/ }).getByText('Mohammed Iqbal')).toBeVisible()
  await expect(children.getByRole('link', { name: 'Report Mohammed missing' })).toHaveCount(0)

  // back within minutes: recorded from the dashboard's "Missing now"
  await page
    .getByRole('region', { name: /^Missing now/ })
    .getByRole('link', { name: /Mohammed Iqbal/ })
    .click()
  await page.getByRole('link', { name: /is back: record the return/ }).click()
  await page.getByLabel('Found by the police').check()
  await page.getByRole('button', { name: 'Record the return' }).click()
  await expect(page.getByText('Returned: to review')).toBeVisible()
})

test('the care worker reads their home’s alerts, grouped by kind and naming what they are about', async ({ page }) => {
  await signIn(page, 'care.worker@demo.haven.test')
  await expect
    .poll(
      async () => {
        await page.goto('/alerts')
        return page.getByRole('link', { name: /^Repeat missing episodes: / }).count()
      },
      { timeout: 30_000 },
    )
    .toBeGreaterThan(0)
  await expect(page.getByText(/^No open alerts/)).toHaveCount(0)
  // a kind with several alerts is one group with its count, naming each place
  const places = 'The same place for several episodes or children'
  const group = page.getByRole('region', { name: new RegExp(`^${places}: \\d+$`) })
  await expect(group.getByRole('heading', { level: 2 })).toHaveText(new RegExp(`^${places} \\(\\d+\\)$`))
  await expect(group.getByRole('paragraph')).toContainText(/; .* and \d+ more$/)
  // unfolded: each alert and its children
  if (await group.locator('details:not([open])').count()) await group.getByText(/^Each of the/).click()
  await group.getByRole('link', { name: `${places}: Riverside Park` }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(places)
  // the care worker was not told about it: they read it, the people told acknowledge it
  await expect(page.getByRole('button', { name: 'Acknowledge' })).toHaveCount(0)
})
