import { expect, test } from '@playwright/test'
import { signIn } from './helpers'

test("the IRO reads a child's chronology, narrows it to returns and plans, and can print it", async ({ page }) => {
  await signIn(page, 'iro@demo.haven.test')
  await page.goto('/children/demo-child-01') // Ellie Marsh
  await page.getByRole('link', { name: 'Chronology' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chronology: Ellie Marsh')
  const list = page.getByRole('list', { name: 'Chronology of Ellie Marsh' })
  await expect(list.getByRole('link', { name: /^Placed: Willow House/ })).toBeVisible()
  await expect(list.getByRole('link', { name: /^CSE screening: significant risk/ })).toBeVisible()
  const all = await list.getByRole('listitem').count()

  await page.getByLabel('Returns').check()
  await page.getByLabel('Safety plans').check()
  await page.getByRole('button', { name: 'Show' }).click()
  await expect(page).toHaveURL(/kind=return&kind=plan/)
  await expect(page.getByText(new RegExp(`^\\d+ of ${all} entries$`))).toBeVisible()
  await expect(list.getByRole('link', { name: 'Returned' }).first()).toBeVisible()
  await expect(list.getByRole('link', { name: /^Placed:/ })).toHaveCount(0)
  await expect(page.getByRole('button', { name: /Print/ })).toBeVisible()

  // a returned entry opens the episode
  await list.getByRole('link', { name: 'Returned' }).first().click()
  await expect(page).toHaveURL(/\/episodes\//)
})

test("a care worker cannot read the chronology of another home's child", async ({ page }) => {
  await signIn(page, 'care.worker@demo.haven.test')
  const response = await page.goto('/children/demo-child-09/chronology') // Chantelle Okoro, Birch Lodge
  expect(response?.status()).toBe(404)
})
