import { expect, test } from '@playwright/test'
import { errorSummary, signIn } from './helpers'

test('the IRO records a review held: the next review counts from it, and a bad date is named without losing what was typed', async ({
  page,
}) => {
  await signIn(page, 'iro@demo.haven.test')
  await page.goto('/children/demo-child-01') // Ellie Marsh
  await page.getByRole('link', { name: /^Reviews held/ }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Looked-after reviews: Ellie Marsh')
  await expect(page.getByText('Looked after since')).toBeVisible()

  const form = page.getByRole('form', { name: 'Record a review held' })
  await form.getByLabel('Date the review was held').fill('2099-01-01')
  await form.getByLabel('Attended and spoke for themselves').check()
  await form.getByLabel('Outcome').fill('Placement continues; contact with her aunt increased')
  await form.getByRole('button', { name: 'Record the review' }).click()
  await expect(errorSummary(page)).toContainText('the date is in the future')
  await expect(form.getByLabel('Outcome')).toHaveValue('Placement continues; contact with her aunt increased')

  const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' })
  await form.getByLabel('Date the review was held').fill(today)
  await form.getByRole('button', { name: 'Record the review' }).click()
  await expect(page.getByRole('heading', { level: 2, name: /^Next review due by/ })).toBeVisible()
  await expect(page.getByText('Placement continues; contact with her aunt increased')).toBeVisible()
})

test("a care worker sees when the review is due but cannot record one, and another home's child is not found", async ({
  page,
}) => {
  await signIn(page, 'care.worker@demo.haven.test')
  await page.goto('/children/demo-child-01/reviews')
  await expect(
    page.getByRole('heading', { level: 2, name: /^(Next review due by|Review overdue since)/ }),
  ).toBeVisible()
  await expect(page.getByRole('form', { name: 'Record a review held' })).toHaveCount(0)
  const response = await page.goto('/children/demo-child-09/reviews')
  expect(response?.status()).toBe(404)
})
