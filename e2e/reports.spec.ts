import fs from 'node:fs'
import { expect, test } from '@playwright/test'
import { signIn } from './helpers'

test('a manager sees the missing-episode charts, reads one as a table and downloads it as CSV', async ({ page }) => {
  await signIn(page, 'manager@demo.haven.test')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reports')
  await page.getByRole('link', { name: 'Missing episodes', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Missing episodes')
  // each chart is a picture named by its summary, with the figures beside it
  const byHome = page.getByRole('region', { name: 'Episodes by home' })
  await expect(byHome.getByRole('img', { name: /^Chart: 1 home; the most episodes: Willow House, \d+/ })).toBeVisible()
  await expect(byHome.locator('.recharts-bar-rectangle').first()).toBeVisible()
  for (const heading of [
    'Episodes by month',
    'How long children were gone',
    'Time of day they were last seen',
    'Day of the week',
    'Children who went missing more than once',
    'Return interviews after these episodes',
    'Children at risk of exploitation, with and without a current safety plan',
    'Children by latest screening, kind by kind',
  ])
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible()
  await byHome.getByText('Table view: episodes by home').click()
  const row = byHome.getByRole('row', { name: /Willow House/ })
  await expect(row).toBeVisible()
  const shown = await row.getByRole('cell').allInnerTexts()
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    byHome.getByRole('link', { name: 'Download episodes by home (CSV)' }).click(),
  ])
  expect(download.suggestedFilename()).toMatch(/^missing-by-home-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/)
  const csv = fs.readFileSync(await download.path(), 'utf8').split('\r\n')
  expect(csv[0]).toMatch(/^Home,Missing,Away without authorisation,All episodes,Children,(\w{3} \d{4},)+\w{3} \d{4}$/)
  expect(csv[1]).toBe(['Willow House', ...shown].join(','))

  // filters stay in the address and narrow every figure
  await page.getByLabel('Sex', { exact: true }).selectOption('MALE')
  await page.getByRole('button', { name: 'Show' }).click()
  await expect(page).toHaveURL(/sex=MALE/)
  await expect(page.getByLabel('Sex', { exact: true })).toHaveValue('MALE')
})

test("a care worker sees their own home's figures and cannot see another home's", async ({ page }) => {
  await signIn(page, 'care.worker@demo.haven.test')
  await page.goto('/reports/missing')
  await expect(page.getByLabel('Home').locator('option')).toHaveText(['All homes', 'Willow House'])
  expect((await page.goto('/reports/missing?home=demo-home-birch'))?.status()).toBe(404)
  expect(
    (
      await page.goto('/reports/missing/csv?from=2026-01-01&to=2026-12-01&home=demo-home-birch&table=by-home')
    )?.status(),
  ).toBe(404)
  // a bad filter is named and the page still answers
  await page.goto('/reports/missing?ageBand=teenager')
  await expect(page.getByText(/ageBand is one of .*: showing the last year/)).toBeVisible()
})
