import { expect, test } from '@playwright/test'
import { errorSummary, mailTo, passwordLinkFor, signIn } from './helpers'

test('a forgotten password is reset by the link e-mailed to the person, once; the old one stops working', async ({
  page,
  browser,
}) => {
  // an account of its own, so no other test's password changes: the administrator invites, the person chooses
  await signIn(page, 'admin@demo.haven.test')
  await page.goto('/admin/users/new')
  await page.getByLabel('Full name').fill('Rosa Reset')
  await page.getByLabel('E-mail address').fill('rosa.reset@demo.haven.test')
  await page.getByLabel('Role').selectOption('CARE_WORKER')
  await page.getByLabel('Home the role is held in').selectOption({ label: 'Willow House' })
  await page.getByLabel('Why this person needs this role').fill('Joins the day team at Willow House')
  await page.getByRole('button', { name: 'Create account and send the invitation' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rosa Reset')

  const context = await browser.newContext()
  const rosa = await context.newPage()
  await rosa.goto(await passwordLinkFor('rosa.reset@demo.haven.test', 'You have been given a Haven account'))
  await rosa.getByLabel('New password').fill('first chosen password')
  await rosa.getByRole('button', { name: 'Save my password' }).click()
  await expect(rosa.getByRole('status')).toContainText('Your password is set')

  // forgotten: the same answer for an address with no account
  await rosa.getByRole('link', { name: 'Forgotten your password?' }).click()
  // the page before has an e-mail field too: type only once the new page is there
  await expect(rosa.getByRole('heading', { level: 1 })).toHaveText('Forgotten your password?')
  await rosa.getByLabel('E-mail address').fill('nobody.at.all@demo.haven.test')
  await rosa.getByRole('button', { name: 'Send me a link' }).click()
  await expect(rosa.getByRole('status')).toContainText(
    'If nobody.at.all@demo.haven.test has a Haven account, an e-mail',
  )
  await rosa.goto('/sign-in/forgotten')
  await rosa.getByLabel('E-mail address').fill('rosa.reset@demo.haven.test')
  await rosa.getByRole('button', { name: 'Send me a link' }).click()
  await expect(rosa.getByRole('status')).toContainText('If rosa.reset@demo.haven.test has a Haven account, an e-mail')

  const link = await passwordLinkFor('rosa.reset@demo.haven.test', 'Reset your Haven password')
  expect(mailTo('nobody.at.all@demo.haven.test')).toHaveLength(0)
  await rosa.goto(link)
  await expect(rosa.getByRole('heading', { level: 1 })).toHaveText('Choose a new password')
  await rosa.getByLabel('New password').fill('password1234')
  await rosa.getByRole('button', { name: 'Save my password' }).click()
  await expect(errorSummary(rosa)).toContainText('one of the most common')
  await rosa.getByLabel('New password').fill('second chosen password')
  await rosa.getByRole('button', { name: 'Save my password' }).click()
  await expect(rosa.getByRole('status')).toContainText('Your password is set')

  // the old password no longer works, the new one does, and the link works only once
  await rosa.getByLabel('E-mail address').fill('rosa.reset@demo.haven.test')
  await rosa.getByLabel('Password').fill('first chosen password')
  await rosa.getByRole('button', { name: 'Sign in' }).click()
  await expect(errorSummary(rosa)).toContainText('The e-mail address or password is not right.')
  await signIn(rosa, 'rosa.reset@demo.haven.test', 'second chosen password')
  await rosa.goto(link)
  await expect(rosa.getByRole('heading', { level: 1 })).toHaveText('This link no longer works')
  await context.close()
})
