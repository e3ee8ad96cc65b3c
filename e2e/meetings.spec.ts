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
  // an NRM referral names the kinds of exploitation it is about; what was typed stays
  await expect(errorSummary(page)).toContainText('Choose the kinds of exploitation the NRM referral is about')
  await expect(form.getByLabel('Made by')).toHaveValue('Sam Whitfield, Northshire children’s services')
  await form.getByRole('group', { name: 'Which kinds of exploitation is it about?' }).getByLabel('Trafficking').check()
  await form.getByRole('button', { name: 'Record the referral' }).click()
  const referral = page.getByRole('region', { name: /National Referral Mechanism \(NRM\) referral/ })
  await expect(referral).toContainText('Reasonable grounds: not known yet')
})

// Ethan Osei (demo-child-24), Rowan House, Sam Whitfield's: a boy no other spec uses
test('a boy screened for criminal exploitation: an NRM referral from the screening, then a strategy discussion about it, its action completed and the meeting corrected', async ({
  page,
}) => {
  await signIn(page, 'social.worker@demo.haven.test')
  await page.goto('/children/demo-child-24/cse/screen')
  const fromRecords = page.getByRole('group', { name: /From Haven.s records/ })
  if (await fromRecords.count())
    for (const group of await fromRecords.getByRole('group').all()) await group.getByLabel('Dismiss').check()
  await page.getByLabel(/Found in towns they have no link with/).check()
  await page.getByLabel('When observed').selectOption('CURRENT')
  await page.getByLabel(/Talks of a debt to others/).check()
  await page.getByLabel('When observed').nth(1).selectOption('CURRENT')
  for (const judgement of await page.getByRole('group', { name: /Your judgement/ }).all()) {
    const criminal = /criminal/.test((await judgement.locator('legend').textContent()) ?? '')
    await judgement.getByLabel(criminal ? 'Significant risk' : 'Not at risk', { exact: true }).check()
  }
  await page.getByRole('button', { name: 'Save the screening' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Exploitation: Ethan Osei')

  // the referral starts from the screening's outcome: criminal exploitation ticked, nothing else
  await page.getByRole('link', { name: /Record a referral from this screening/ }).click()
  const form = page.getByRole('form', { name: 'Record a referral' })
  const kinds = form.getByRole('group', { name: 'Which kinds of exploitation is it about?' })
  await expect(kinds.getByLabel('Child criminal exploitation, including county lines')).toBeChecked()
  await expect(kinds.getByLabel('Child sexual exploitation')).not.toBeChecked()
  await form.getByLabel('Kind of referral').selectOption('NRM')
  await form.getByLabel('Date made').fill(today())
  await form.getByLabel('Made by').fill('Sam Whitfield, Northshire children’s services')
  await form.getByRole('button', { name: 'Record the referral' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Referrals and meetings: Ethan Osei')
  await expect(page.getByRole('region', { name: /National Referral Mechanism \(NRM\) referral/ })).toContainText(
    'Kinds of exploitation: Child criminal exploitation, including county lines',
  )

  // a strategy discussion about criminal exploitation, with an action
  await page.getByText('Record a strategy discussion or meeting').click()
  const meeting = page.getByRole('form', { name: 'Record a meeting' })
  await meeting.getByLabel('Kind of meeting').selectOption('STRATEGY_DISCUSSION')
  await meeting
    .getByRole('group', { name: 'Which kinds of exploitation is it about?' })
    .getByLabel('Child criminal exploitation, including county lines')
    .check()
  await meeting.getByLabel('Date held').fill(today())
  await meeting.getByLabel('Person 1: name').fill('DS Karen Holt')
  await meeting.getByLabel('Person 1: agency').fill('Northshire Police, county lines team')
  await meeting.getByLabel('Decisions', { exact: true }).fill('Section 47 enquiry; disruption of the line')
  await meeting.getByRole('button', { name: 'Add an action' }).click()
  await meeting.getByLabel('Action 1: what').fill('Share the phone number Ethan was given with the police')
  await meeting.getByLabel('Action 1: who owns it').fill('Sam Whitfield')
  await meeting.getByLabel('Action 1: due by').fill(today())
  await meeting.getByRole('button', { name: 'Record the meeting' }).click()
  const discussion = page.getByRole('region', { name: /^Strategy discussion,/ })
  await expect(discussion).toContainText('Kinds of exploitation: Child criminal exploitation, including county lines')

  // the action is completed
  const action = discussion.getByRole('row', { name: /Share the phone number Ethan was given/ })
  await action.locator('summary', { hasText: 'Mark completed' }).click()
  await action.getByLabel('Completed on').fill(today())
  await action.getByLabel('What was done').fill('Shared with DS Holt')
  await action.getByRole('button', { name: 'Mark completed' }).click()
  await expect(action).toContainText('Done on')

  // corrected after saving: the earlier value stays beside the new one
  await discussion.getByRole('link', { name: /Correct this meeting/ }).click()
  const correct = page.getByRole('form', { name: 'Correct this meeting' })
  await correct.getByLabel('What needs correcting?').selectOption('kinds')
  await correct.getByRole('group', { name: 'What it should say' }).getByLabel('Trafficking and modern slavery').check()
  await correct.getByLabel('Why does it need correcting?').fill('He was moved between towns to sell: trafficking too')
  await correct.getByRole('button', { name: 'Save the correction' }).click()
  await expect(page.getByRole('region', { name: 'Corrections' })).toContainText(
    'Kinds of exploitation was “Child criminal exploitation, including county lines”, now “Child criminal exploitation, including county lines; Trafficking and modern slavery”',
  )
  await expect(page.locator('dl.summary div', { hasText: 'Kinds of exploitation' })).toContainText(
    'Trafficking and modern slavery',
  )
})
