// Sign-in with an organisation's identity provider: a real OpenID Connect provider (oidc-provider) started by this
// test on 127.0.0.1, set up by the administrator in Haven's pages; people go through its own login page.
import { expect, test } from '@playwright/test'
import { startIdentityProvider, type TestIdentityProvider } from '../tests/support/identity-provider'
import { errorSummary, signIn } from './helpers'

let idp: TestIdentityProvider
test.beforeAll(async () => {
  // Haven's redirect URI: its HAVEN_BASE_URL in the browser tests (scripts/e2e-server.mjs)
  const haven = `http://127.0.0.1:${process.env.E2E_PORT ?? '3100'}`
  idp = await startIdentityProvider({ redirectUri: `${haven}/sign-in/organisation/callback` })
})
test.afterAll(() => idp?.close())

/** From Haven's sign-in page through the provider's own login page; ends back at Haven. */
async function signInThroughOrganisation(page: import('@playwright/test').Page, email: string) {
  await page.goto('/sign-in')
  await page.getByRole('link', { name: 'Sign in with your organisation’s account' }).click()
  await page.getByLabel('Your work e-mail address').fill(email)
  await page.getByRole('button', { name: 'Continue to your organisation’s sign-in' }).click()
  // the provider's page (another site), its login name filled in from Haven's hint
  await expect(page).toHaveURL(new RegExp(`^${idp.issuer}/interaction/`))
  await expect(page.locator('input[name="login"]')).toHaveValue(email)
  await page.locator('input[name="password"]').fill('the organisation’s password')
  await page.getByRole('button', { name: 'Sign-in' }).click()
}

test('an administrator sets up a council’s identity provider, and a person they created signs in through it', async ({
  page,
  browser,
}) => {
  await signIn(page, 'admin@demo.haven.test')
  // the person's Haven account and role come from the administrator, as always
  await page.goto('/admin/users/new')
  await page.getByLabel('Full name').fill('Sam Rivers')
  await page.getByLabel('E-mail address').fill('sam.rivers@westvale.haven.test')
  await page.getByLabel('Role').selectOption('SOCIAL_WORKER')
  await page.getByLabel('Local authority the role is held in').selectOption({ label: 'Westvale Council' })
  await page.getByLabel('Why this person needs this role').fill('Social worker for Westvale children')
  await page.getByRole('button', { name: 'Create account and send the invitation' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sam Rivers')

  await page.goto('/admin/users')
  await page.getByRole('link', { name: 'Sign-in with organisations’ accounts' }).click()
  await page.getByRole('link', { name: 'Westvale Council' }).click()
  await expect(page.getByText('/sign-in/organisation/callback')).toBeVisible()
  await page.getByLabel('Issuer').fill(idp.issuer)
  await page.getByLabel('Client id (application id)').fill(idp.clientId)
  await page.getByLabel('E-mail domains it serves').fill('westvale.haven.test')
  await page.getByRole('button', { name: 'Save' }).click()
  // no secret yet: refused, with what was typed kept
  await expect(errorSummary(page)).toContainText('Enter the client secret')
  await expect(page.getByLabel('Issuer')).toHaveValue(idp.issuer)
  await page.getByLabel('Client secret').fill(idp.clientSecret)
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('status')).toHaveText('Saved.')
  await page.goto('/admin/sign-in')
  await expect(page.getByRole('listitem').filter({ hasText: 'Westvale Council' })).toContainText(
    'On, for westvale.haven.test',
  )

  const context = await browser.newContext()
  const person = await context.newPage()
  await signInThroughOrganisation(person, 'sam.rivers@westvale.haven.test')
  await expect(person.getByRole('heading', { level: 1 })).toHaveText('Hello, Sam Rivers')
  await context.close()

  // an e-mail address with no Haven account is refused in plain words, and no account is made
  const stranger = await browser.newContext()
  const strangerPage = await stranger.newPage()
  await signInThroughOrganisation(strangerPage, 'not.a.user@westvale.haven.test')
  await expect(strangerPage).toHaveURL(/\/sign-in\/organisation\?refused=/)
  await expect(errorSummary(strangerPage)).toContainText('There is no Haven account for the account you signed in with')
  await strangerPage.goto('/')
  await expect(strangerPage).toHaveURL(/\/sign-in$/)
  await stranger.close()
})

test('an address whose organisation has no identity provider is told to use a password', async ({ page }) => {
  await page.goto('/sign-in/organisation')
  await page.getByLabel('Your work e-mail address').fill('someone@nowhere.haven.test')
  await page.getByRole('button', { name: 'Continue to your organisation’s sign-in' }).click()
  await expect(errorSummary(page)).toContainText('sign in with your e-mail address and password')
  await expect(page.getByLabel('Your work e-mail address')).toHaveValue('someone@nowhere.haven.test')
})
