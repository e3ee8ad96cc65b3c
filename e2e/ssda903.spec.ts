import fs from 'node:fs'
import { unzipSync } from 'fflate'
import { expect, test } from '@playwright/test'
import { signIn } from './helpers'

test('the LA missing lead checks the SSDA903 return and downloads the Missing table', async ({ page }) => {
  await signIn(page, 'missing.lead@demo.haven.test')
  await page.goto('/reports')
  await page.getByRole('link', { name: 'SSDA903 return' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('SSDA903 return')
  // the demo children pass every rule; a child another spec added without the return's details may not (its row
  // names and links the child to fix), and the tables still download
  const failing = page.getByRole('table', { name: "Rows failing the DfE's rules" })
  if (await failing.isVisible()) {
    const links = await failing.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')))
    expect(links.length).toBeGreaterThan(0)
    expect(links.filter((href) => href?.includes('demo-child'))).toEqual([])
  } else await expect(page.getByText("Every row passes the DfE's rules for the year: ready to submit.")).toBeVisible()
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Missing table (CSV)' }).click(),
  ])
  expect(download.suggestedFilename()).toMatch(/^ssda903-\d{4}-missing(-not-ready)?\.csv$/)
  const csv = fs.readFileSync(await download.path(), 'utf8').split('\r\n')
  expect(csv[0]).toBe('CHILD,DOB,MISSING,MIS_START,MIS_END')
  expect(csv[1]).toMatch(/^N\d+,\d{2}\/\d{2}\/\d{4},[MA],\d{2}\/\d{2}\/\d{4},(\d{2}\/\d{2}\/\d{4})?$/)
  const [zip] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'All three tables in one zip file' }).click(),
  ])
  expect(zip.suggestedFilename()).toMatch(/^ssda903-\d{4}(-not-ready)?\.zip$/)
  const entries = Object.keys(unzipSync(fs.readFileSync(await zip.path())))
  for (const t of ['header', 'episodes', 'missing'])
    expect(entries.some((e) => new RegExp(`^ssda903-\\d{4}-${t}(-not-ready)?\\.csv$`).test(e))).toBe(true)
})

test("the LA missing lead checks the authority's own Header and Episodes and gets the Missing table keyed by them", async ({
  page,
}) => {
  await signIn(page, 'missing.lead@demo.haven.test')
  await page.goto('/reports/ssda903')
  // the authority's own tables: here, the ones Haven wrote, with one child's date of birth changed by a day
  const table = async (name: string) => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: `${name} table (CSV)` }).click(),
    ])
    return fs.readFileSync(await file.path(), 'utf8')
  }
  const header = (await table('Header')).replace(
    /^(N\d+,[MF],)(\d{2})/m,
    (_, start, day) => `${start}${String((Number(day) % 28) + 1).padStart(2, '0')}`,
  )
  const episodes = await table('Episodes')
  await page
    .getByLabel('Header table (CSV)')
    .setInputFiles({ name: 'header.csv', mimeType: 'text/csv', buffer: Buffer.from(header) })
  await page
    .getByLabel('Episodes table (CSV)')
    .setInputFiles({ name: 'episodes.csv', mimeType: 'text/csv', buffer: Buffer.from(episodes) })
  await page.getByRole('button', { name: 'Check', exact: true }).last().click()
  // every demo child matches; a child another spec added without a reference cannot (Haven's own id is no match)
  await expect(page.getByText(/^\d+ of \d+ children matched/)).toBeVisible()
  await expect(page.getByRole('table', { name: 'What differs between Haven and your return' })).toContainText('DOB')
  const [missing] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /Download the Missing table keyed by your references/ }).click(),
  ])
  expect(fs.readFileSync(await missing.path(), 'utf8').split('\r\n')[1]).toMatch(/^N\d+,/)
})

test('a care worker cannot export the return', async ({ page }) => {
  await signIn(page, 'care.worker@demo.haven.test')
  await page.goto('/reports/ssda903')
  await expect(page.getByText("The return is exported by the placing authority's LA missing lead.")).toBeVisible()
  const response = await page.goto('/reports/ssda903/download?year=2026&authority=demo-la-north&table=missing')
  expect(response?.status()).toBe(404)
})
