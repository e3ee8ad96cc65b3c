import { expect, test, type Page } from '@playwright/test'
import { totpCode } from '../lib/domain/second-factor'
import { DEMO_PASSWORD, DEMO_SECOND_FACTOR } from '../prisma/demo-accounts'
import { errorSummary, signIn } from './helpers'

const codeField = (page: Page) => page.getByLabel('Code from your authenticator app')

async function passwordStep(page: Page, email: string) {
  await page.goto('/sign-in')
  await page.getByLabel('E-mail address').fill(email)
  await page.getByLabel('Password').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(codeField(page)).toBeVisible()
}

test('signing in with the code from an authenticator app, and a wrong code refused', async ({ page }) => {
  // the demo account whose authenticator secret is published (prisma/demo-accounts.ts)
  await passwordStep(page, DEMO_SECOND_FACTOR.email)
  await codeField(page).fill('000000')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(errorSummary(page)).toContainText('The code is not right')
  await codeField(page).fill(totpCode(DEMO_SECOND_FACTOR.secret, new Date()))
  await page.getByRole('button', { name: 'Sign in' }).click()
  // the first dashboard a fresh server renders can take a while
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Hello', { timeout: 20_000 })
})

test('setting up an authenticator app, then signing in with a recovery code when the phone is lost', async ({
  page,
  browser,
}) => {
  // an account no other test signs in to
  const email = 'leah.morgan@demo.haven.test'
  await signIn(page, email)
  await page.goto('/account')
  await page.getByRole('link', { name: 'Set up an authenticator app' }).click()
  await page.getByRole('button', { name: 'Set up an authenticator app' }).click()
  const secret = (await page.locator('#totp-secret').innerText()).replace(/\s/g, '')
  await codeField(page).fill(totpCode(secret, new Date()))
  await page.getByRole('button', { name: 'Confirm' }).click()
  const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem')
  await expect(codes).toHaveCount(10)
  const recovery = await codes.first().innerText()

  const context = await browser.newContext()
  const later = await context.newPage()
  await passwordStep(later, email)
  await codeField(later).fill(recovery)
  await later.getByRole('button', { name: 'Sign in' }).click()
  await expect(later.getByRole('heading', { level: 1 })).toContainText('Hello')
  // a page of its own: the sign-in page's move to the dashboard may still be settling in the first
  const account = await context.newPage()
  await account.goto('/account')
  await expect(account.getByText('you have 9 unused recovery codes')).toBeVisible()
  await context.close()
})
