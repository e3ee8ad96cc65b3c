import { expect, test } from '@playwright/test'
import { errorSummary, signIn } from './helpers'

const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' })

test('a repeat-episode alert leads to a strategy discussion whose actions are tracked, and the alert is resolved by pointing to it', async ({
  page,
}) => {
  await signIn(page, 'iro@demo.haven.test')
  // the server looks for patterns when it starts: Ellie Marsh's repeat episodes raise an alert for her IRO
  await expect
    .poll(
      async () => {
        await page.goto('/alerts')
        return page.getByRole('link', { name: 'Repeat missing episodes' }).count()
      },
      { timeout: 30_000 },
    )
    .toBeGreaterThan(0)

  await page.goto('/children/demo-child-01')
  await page.getByRole('link', { name: 'Referrals, strategy discussions and meetings' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Referrals and meetings: Ellie Marsh')
  // the demo's strategy discussion has an action past its due date
  const demoAction = page.getByRole('row', { name: /Child Abduction Warning Notice to Jay/ })
  await expect(demoAction.getByText('Overdue')).toBeVisible()

  await page.getByText('Record a strategy discussion or meeting').click()
  const form = page.getByRole('form', { name: 'Record a meeting' })
  await form.getByLabel('Kind of meeting').selectOption('STRATEGY_DISCUSSION')
  await form.getByLabel('Person 1: name').fill('DC Amir Patel')
  await form.getByLabel('Person 1: agency').fill('Northshire Police')
  await form.getByLabel('Decisions', { exact: true }).fill('Refer Ellie to the MACE panel')
  await form.getByRole('button', { name: 'Add an action' }).click()
  await form.getByLabel('Action 1: what').fill('Present Ellie at the MACE panel')
  await form.getByLabel('Action 1: who owns it').fill('Grace Okafor')
  await form.getByLabel('Action 1: due by').fill(today())
  await form.getByLabel(/^Repeat missing episodes/).check()
  await form.getByRole('button', { name: 'Record the meeting' }).click()
  await expect(errorSummary(page)).toContainText('Enter the date it was held')
  await expect(form.getByLabel('Decisions', { exact: true })).toHaveValue('Refer Ellie to the MACE panel')
  await form.getByLabel('Date held').fill(today())
  await form.getByRole('button', { name: 'Record the meeting' }).click()
  await expect(page.getByRole('cell', { name: 'Present Ellie at the MACE panel' })).toBeVisible()

  // the overdue action is completed
  await demoAction.locator('summary', { hasText: 'Mark completed' }).click()
  await demoAction.getByLabel('Completed on').fill(today())
  await demoAction.getByLabel('What was done').fill('The police issued the notice')
  await demoAction.getByRole('button', { name: 'Mark completed' }).click()
  await expect(demoAction).toContainText('Done on')

  // the alert is resolved by pointing to the meeting
  await page.goto('/alerts')
  await page.getByRole('link', { name: 'Repeat missing episodes' }).first().click()
  const resolve = page.getByRole('form', { name: 'Resolve the alert' })
  await resolve.getByLabel('The meeting that dealt with it (optional)').selectOption({ index: 1 })
  await resolve.getByRole('button', { name: 'Resolve' }).click()
  await expect(page.getByText(/Dealt with at the strategy discussion held on/).first()).toBeVisible()
})

test('the social worker records an NRM referral from the child’s page ', async ({ page }) => {
  await signIn(page, 'social.worker@demo.haven.test')
  await page.goto('/children/demo-child-01/meetings')
  await page.getByRole('link', { name: 'Record a referral' }).click()
  const form = page.getByRole('form', { name: 'Record a referral' })
  await form.getByLabel('Kind of referral').selectOption('NRM')
  await form.getByLabel('Date made').fill(today())
  await form.getByLabel('Made by').fill('Sam Whitfield, Northshire children’s services')
  await form.getByRole('button', { name: 'Record the referral' }).click()
  const referral = page.getByRole('region', { name: /National Referral Mechanism \(NRM\) referral/ })
  await expect(referral).toContainText('Reasonable grounds: not known yet')
})
