import { expect, test } from '@playwright/test'
import { DEMO_ACCOUNTS } from '../prisma/demo-accounts'
import { ROLE_LABELS } from '../lib/domain/roles'
import { errorSummary, signIn } from './helpers'

for (const account of DEMO_ACCOUNTS) {
  test(`${account.grants[0].role}: signs in and sees their dashboard`, async ({ page }) => {
    await signIn(page, account.email)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Hello, ${account.name}`)
    await expect(page.locator('.lede')).toContainText(ROLE_LABELS[account.grants[0].role])
    // every panel says what is, or what will appear there
    const panels = page.locator('section.panel')
    expect(await panels.count()).toBeGreaterThan(0)
    for (const panel of await panels.all()) expect((await panel.innerText()).trim().split('\n').length).toBeGreaterThan(1)
  })
}

test('a wrong password is refused with a clear message and the e-mail stays typed', async ({ page }) => {
  await page.goto('/sign-in')
  await page.getByLabel('E-mail address').fill('care.worker@demo.haven.test')
  await page.getByLabel('Password').fill('not the password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(errorSummary(page)).toContainText('The e-mail address or password is not right.')
  await expect(page.getByLabel('E-mail address')).toHaveValue('care.worker@demo.haven.test')
})

test('signed-out visitors are sent to sign in', async ({ page }) => {
  await page.goto('/children')
  await expect(page).toHaveURL(/\/sign-in$/)
})

test('signing out ends the session on the server, not only in the browser', async ({ page, context }) => {
  await signIn(page, 'manager@demo.haven.test')
  const cookies = await context.cookies()
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/\/sign-in$/)
  await page.goto('/children')
  await expect(page).toHaveURL(/\/sign-in$/)
  // someone who kept a copy of the session cookie gets nothing with it
  await context.addCookies(cookies)
  await page.goto('/children')
  await expect(page).toHaveURL(/\/sign-in$/)
})

test('a session revoked elsewhere stops working at once', async ({ browser }) => {
  const phone = await browser.newContext()
  const laptop = await browser.newContext()
  const onPhone = await phone.newPage()
  const onLaptop = await laptop.newPage()
  await signIn(onPhone, 'social.worker@demo.haven.test')
  await signIn(onLaptop, 'social.worker@demo.haven.test')
  await onLaptop.goto('/account')
  const sessions = onLaptop.getByRole('list', { name: 'Your sessions' }).getByRole('listitem')
  await expect(sessions.filter({ hasText: 'Current session' })).toHaveCount(1)
  await onLaptop.getByRole('button', { name: 'Sign out of all other sessions' }).click()
  await expect(sessions).toHaveCount(1)
  await expect(sessions).toContainText('Current session')
  await onPhone.goto('/children')
  await expect(onPhone).toHaveURL(/\/sign-in$/)
  await onLaptop.goto('/children')
  await expect(onLaptop.getByRole('heading', { level: 1 })).toHaveText('Children')
  await phone.close()
  await laptop.close()
})
