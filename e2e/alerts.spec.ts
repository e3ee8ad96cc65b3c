import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { errorSummary, signIn } from './helpers'

type Mail = { to: string[]; subject: string; raw: string }
const mailbox = path.resolve('.e2e-data/mailbox')
const mailTo = (address: string): Mail[] =>
  fs.existsSync(mailbox)
    ? fs
        .readdirSync(mailbox)
        .map((f) => JSON.parse(fs.readFileSync(path.join(mailbox, f), 'utf8')) as Mail)
        .map((m) => ({ ...m, raw: m.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=') })) // undo quoted-printable line wrapping
        .filter((m) => m.to.includes(address))
    : []

test('the IRO gets the e-mail, opens the alert, sees the evidence and brings the review forward', async ({ page }) => {
  // the server looks for patterns when it starts; Ellie Marsh's repeat episodes raise an alert for her IRO
  const aboutEllie = () =>
    mailTo('iro@demo.haven.test').find(
      (m) => m.raw.includes('Something about E.M. needs your attention in Haven.') && /\/alerts\//.test(m.raw),
    )
  await expect.poll(aboutEllie, { timeout: 30_000 }).toBeTruthy()
  const mail = aboutEllie()!
  expect(mail.subject).toBe('Haven: something needs your attention') // nothing of the concern on a lock screen
  expect(mail.raw).not.toMatch(/Ellie|Marsh|Repeat missing|episodes/) // initials and a link only
  const link = mail.raw.match(/http:\/\/127\.0\.0\.1:\d+(\/alerts\/[\w-]+)/)![1]

  await page.goto(link)
  await expect(page).toHaveURL(/\/sign-in$/) // the link needs sign-in
  await signIn(page, 'iro@demo.haven.test')
  await page.goto(link)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Repeat missing episodes')
  await expect(page.getByRole('link', { name: 'Ellie Marsh' })).toBeVisible()
  await expect(page.getByText(/next review due by/)).toBeVisible()
  const evidence = page.getByRole('region', { name: 'Episodes in the evidence' })
  await expect(evidence.getByRole('row')).not.toHaveCount(1)
  await expect(evidence).toContainText('Ellie Marsh')

  const decision = page.getByRole('form', { name: 'Your decision' })
  await decision.getByLabel('Yes').check()
  await decision.getByRole('button', { name: 'Record the decision' }).click()
  await expect(errorSummary(page)).toContainText('Enter the date the review is brought forward to')
  const soon = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10)
  await decision.getByLabel('Review brought forward to').fill(soon)
  await decision.getByRole('button', { name: 'Record the decision' }).click()
  await expect(
    page.getByRole('region', { name: 'Your decision as IRO' }).getByText(/review brought forward to/),
  ).toBeVisible()
  // said, with focus on it, and the form cleared: a second press is not a second decision
  await expect(decision.getByRole('status').filter({ hasText: 'Your decision is recorded' })).toBeFocused()
  await expect(decision.getByLabel('Yes')).not.toBeChecked()
  await decision.getByRole('button', { name: 'Record the decision' }).click()
  await expect(errorSummary(page)).toContainText('Say whether you will bring the review forward')
  await expect(
    page.getByRole('region', { name: 'Your decision as IRO' }).getByText(/review brought forward to/),
  ).toHaveCount(1)
  await expect(page.getByText(/next review brought forward to/)).toBeVisible()

  // it is part of Ellie's record
  await page.getByRole('link', { name: 'Ellie Marsh' }).click()
  await expect(page.getByRole('heading', { name: 'IRO decisions' })).toBeVisible()
  await expect(page.getByText(/Brought forward to/)).toBeVisible()
})

test('reporting a child missing tells their IRO and social worker by e-mail, within seconds', async ({ page }) => {
  await signIn(page, 'care.worker@demo.haven.test')
  await page.goto('/children/demo-child-03/missing/new') // Aaliyah Grant: IRO Grace Okafor, social worker Aisha Khan
  await page.getByLabel('No: missing').check()
  await page.getByRole('group', { name: 'Have the police been told?' }).getByLabel('Not yet').check()
  await page.getByRole('button', { name: 'Report Aaliyah missing' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('missing since')
  for (const address of ['iro@demo.haven.test', 'aisha.khan@demo.haven.test'])
    await expect
      .poll(
        () =>
          mailTo(address).some(
            (m) =>
              m.subject === 'Haven: something needs your attention' &&
              m.raw.includes('Something about A.G. needs your attention in Haven.') &&
              !/missing/i.test(m.raw),
          ),
        { timeout: 15_000 },
      )
      .toBe(true)
  // the inbox says what happened, in plain words
  await page.context().clearCookies()
  await signIn(page, 'iro@demo.haven.test')
  await page.goto('/notifications')
  await expect(page.getByRole('link', { name: /^A\.G\. reported missing, last seen/ }).first()).toBeVisible()
})

test('"Mark all as read" empties the inbox of unread notifications, and the menu says so', async ({ page }) => {
  await signIn(page, 'social.worker@demo.haven.test')
  await page.goto('/notifications')
  const nav = page.getByRole('navigation', { name: 'Main' })
  await expect(nav.getByRole('link', { name: /^Inbox \(\d+ unread\)$/ })).toBeVisible()
  await expect(page.getByText('Unread', { exact: true }).first()).toBeVisible()
  await page.getByRole('button', { name: 'Mark all as read' }).click()
  await expect(page.getByRole('button', { name: 'Mark all as read' })).toBeHidden()
  await expect(page.getByText('Unread', { exact: true })).toHaveCount(0)
  await expect(nav.getByRole('link', { name: 'Inbox', exact: true })).toBeVisible()
})
