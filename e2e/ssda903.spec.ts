import fs from 'node:fs'
import { unzipSync } from 'fflate'
import { expect, test } from '@playwright/test'
import { signIn } from './helpers'

test('the LA missing lead checks the SSDA903 return and downloads the Missing table', async ({ page }) => {
  await signIn(page, 'missing.lead@demo.haven.test')
  await page.goto('/reports')
  await page.getByRole('link', { name: 'SSDA903 return' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('SSDA903 return')
  await expect(page.getByText('The Missing table passes every DfE check.')).toBeVisible()
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Missing table (CSV)' }).click(),
  ])
  expect(download.suggestedFilename()).toMatch(/^ssda903-\d{4}-missing\.csv$/)
  const csv = fs.readFileSync(await download.path(), 'utf8').split('\r\n')
  expect(csv[0]).toBe('CHILD,DOB,MISSING,MIS_START,MIS_END')
  expect(csv[1]).toMatch(/^[\w-]+,\d{2}\/\d{2}\/\d{4},[MA],\d{2}\/\d{2}\/\d{4},(\d{2}\/\d{2}\/\d{4})?$/)
  const [zip] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'All three tables in one zip file' }).click(),
  ])
  expect(zip.suggestedFilename()).toMatch(/^ssda903-\d{4}\.zip$/)
  expect(Object.keys(unzipSync(fs.readFileSync(await zip.path()))).sort()).toEqual(
    ['episodes', 'header', 'missing'].map((t) => zip.suggestedFilename().replace('.zip', `-${t}.csv`)),
  )
})

test('a care worker cannot export the return', async ({ page }) => {
  await signIn(page, 'care.worker@demo.haven.test')
  await page.goto('/reports/ssda903')
  await expect(page.getByText("The return is exported by the placing authority's LA missing lead.")).toBeVisible()
  const response = await page.goto('/reports/ssda903/download?year=2026&authority=demo-la-north&table=missing')
  expect(response?.status()).toBe(404)
})
