import { expect, test } from '@playwright/test'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../prisma/demo-accounts'
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
    for (const panel of await panels.all())
      expect((await panel.innerText()).trim().split('\n').length).toBeGreaterThan(1)
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
  await expect(sessions.filter({ hasText: 'this browser' })).toHaveCount(1)
  await onLaptop.getByRole('button', { name: 'Sign out of all other sessions' }).click()
  await expect(sessions).toHaveCount(1)
  await expect(sessions).toContainText('this browser')
  await onPhone.goto('/children')
  await expect(onPhone).toHaveURL(/\/sign-in$/)
  // Auth.js's own session endpoint refuses it too (it used to answer for a revoked session)
  expect(await (await onPhone.request.get('/api/auth/session')).json()).toBeNull()
  expect(await (await onLaptop.request.get('/api/auth/session')).json()).toMatchObject({
    user: { email: 'social.worker@demo.haven.test' },
  })
  await onLaptop.goto('/children')
  await expect(onLaptop.getByRole('heading', { level: 1 })).toHaveText('Children')
  await phone.close()
  await laptop.close()
})

test("signing in on a browser ends the previous person's session there", async ({ browser }) => {
  const shared = await browser.newContext() // the office computer
  const first = await shared.newPage()
  const second = await shared.newPage()
  await second.goto('/sign-in') // left open before the first person signed in
  await signIn(first, 'care.worker@demo.haven.test')
  const firstPersonsCookies = await shared.cookies()
  await second.getByLabel('E-mail address').fill('manager@demo.haven.test')
  await second.getByLabel('Password').fill(DEMO_PASSWORD)
  await second.getByRole('button', { name: 'Sign in' }).click()
  await expect(second.getByRole('heading', { level: 1 })).toHaveText('Hello, Priya Shah')
  // the first person's session has ended on the server: a kept copy of their cookie gets nothing
  const other = await browser.newContext()
  await other.addCookies(firstPersonsCookies)
  const copy = await other.newPage()
  await copy.goto('/children')
  await expect(copy).toHaveURL(/\/sign-in$/)
  await other.close()
  await shared.close()
})
