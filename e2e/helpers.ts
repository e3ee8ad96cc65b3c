import fs from 'node:fs'
import path from 'node:path'
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

/** Mail the test's SMTP receiver got for an address (scripts/e2e-server.mjs), quoted-printable wrapping undone. */
export function mailTo(address: string): { to: string[]; subject: string; raw: string }[] {
  const mailbox = path.resolve('.e2e-data/mailbox')
  if (!fs.existsSync(mailbox)) return []
  return fs
    .readdirSync(mailbox)
    .sort()
    .map(
      (f) =>
        JSON.parse(fs.readFileSync(path.join(mailbox, f), 'utf8')) as { to: string[]; subject: string; raw: string },
    )
    .map((m) => ({ ...m, raw: m.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=') }))
    .filter((m) => m.to.includes(address))
}

/** The password link in the newest mail to an address with that subject, once it has arrived. */
export async function passwordLinkFor(address: string, subject: string) {
  let link: string | undefined
  await expect
    .poll(
      () =>
        (link = mailTo(address)
          .filter((m) => m.subject === subject)
          .at(-1)
          ?.raw.match(/http:\/\/127\.0\.0\.1:\d+(\/password\/[\w.-]+)/)?.[1]),
      { timeout: 30_000 },
    )
    .toBeTruthy()
  return link!
}
