import { expect, test } from '@playwright/test'
import { unzipSync, strFromU8 } from 'fflate'
import fs from 'node:fs'
import { signIn } from './helpers'

test("the manager sees who has seen a child's record, including a care worker's list, and downloads the child's whole record", async ({
  browser,
}) => {
  // a care worker lists the children: each listed child's access report names them
  const worker = await browser.newPage()
  await signIn(worker, 'care.worker@demo.haven.test')
  await worker.goto('/children')
  await worker.close()

  const page = await browser.newPage()
  await signIn(page, 'manager@demo.haven.test')
  await page.goto('/children/demo-child-01') // Ellie Marsh
  await page.getByRole('link', { name: 'Who has seen this record' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Who has seen this record: Ellie Marsh')
  const table = page.getByRole('region', { name: 'Who has seen this record: table' })
  await expect(
    table.getByRole('row', { name: /Jordan Ellis.*saw the child in a list of children/ }).first(),
  ).toBeVisible()

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /^Download everything Haven holds about Ellie Marsh/ }).click(),
  ])
  expect(download.suggestedFilename()).toBe('haven-subject-access-demo-child-01.zip')
  const files = unzipSync(new Uint8Array(fs.readFileSync(await download.path())))
  expect(strFromU8(files['record.html'])).toContain('Missing episodes, their updates and corrections')
  expect(JSON.parse(strFromU8(files['record.json'])).subject).toMatchObject({ childId: 'demo-child-01' })
})
