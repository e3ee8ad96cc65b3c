import { expect, test } from '@playwright/test'
import { errorSummary, passwordLinkFor, signIn } from './helpers'

test('an administrator creates an account with a role, and the new person signs in and sees their home', async ({
  page,
  browser,
}) => {
  await signIn(page, 'admin@demo.haven.test')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click()
  await page.getByRole('link', { name: 'Create an account' }).click()
  await page.getByLabel('Full name').fill('Night Worker')
  await page.getByLabel('E-mail address').fill('night.worker@demo.haven.test')
  await page.getByRole('button', { name: 'Create account and send the invitation' }).click()
  await expect(errorSummary(page)).toContainText('Select a role')
  await expect(page.getByLabel('Full name')).toHaveValue('Night Worker')
  await page.getByLabel('Role').selectOption('CARE_WORKER')
  await page.getByLabel('Home the role is held in').selectOption({ label: 'Cedar Court' })
  await page.getByLabel('Why this person needs this role').fill('Night shifts at Cedar Court')
  await page.getByRole('button', { name: 'Create account and send the invitation' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Night Worker')
  await expect(page.getByText('Cedar Court')).toBeVisible()

  const context = await browser.newContext()
  const newcomer = await context.newPage()
  // the administrator never chooses the password: the newcomer does, from the invitation e-mailed to them
  await newcomer.goto(await passwordLinkFor('night.worker@demo.haven.test', 'You have been given a Haven account'))
  await newcomer.getByLabel('New password').fill('night shift password')
  await newcomer.getByRole('button', { name: 'Save my password' }).click()
  await expect(newcomer.getByRole('status')).toContainText('Your password is set')
  await signIn(newcomer, 'night.worker@demo.haven.test', 'night shift password')
  await newcomer.goto('/children')
  expect(await newcomer.locator('ul.cards > li').count()).toBeGreaterThan(0)
  for (const card of await newcomer.locator('ul.cards > li').all()) await expect(card).toContainText('Cedar Court')

  // deactivating ends their session at once
  await page.getByRole('button', { name: 'Deactivate account' }).click()
  await expect(page.getByText('Deactivated: cannot sign in')).toBeVisible()
  await newcomer.goto('/children')
  await expect(newcomer).toHaveURL(/\/sign-in$/)
  await context.close()
})

test("an administrator is refused a role that reads children's records for themselves, and their typed reason stays", async ({
  page,
}) => {
  await signIn(page, 'admin@demo.haven.test')
  await page.goto('/admin/users')
  await page.getByRole('link', { name: 'Ruth Adeyemi' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ruth Adeyemi')
  await page.getByLabel('Role').selectOption('RESPONSIBLE_INDIVIDUAL')
  await page.getByLabel('Provider the role is held in').selectOption({ label: "Harbour Children's Trust" })
  await page.getByRole('button', { name: 'Add role' }).click()
  await expect(errorSummary(page)).toContainText("Enter why this person needs a role that reads children's records")
  await page.getByLabel('Why this person needs this role').fill('Checking the homes myself')
  await page.getByRole('button', { name: 'Add role' }).click()
  await expect(errorSummary(page)).toContainText(
    "You cannot give yourself a role that reads children's records: ask another administrator",
  )
  await expect(page.getByLabel('Why this person needs this role')).toHaveValue('Checking the homes myself')
  await expect(page.getByRole('button', { name: /Remove Responsible individual/ })).toHaveCount(0)
  // and the grants report shows nothing was granted
  await page.goto('/admin/users/grants')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Role grants report')
  await expect(page.getByText('Checking the homes myself')).toHaveCount(0)
})
