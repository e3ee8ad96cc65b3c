import { expect, type Page } from '@playwright/test'
import { DEMO_PASSWORD } from '../prisma/demo-accounts'

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/sign-in')
  await page.getByLabel('E-mail address').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Hello')
}

/** The error summary (Next adds its own role="alert" route announcer, so scope by class). */
export const errorSummary = (page: Page) => page.locator('.error-summary')
