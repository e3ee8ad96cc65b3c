import { expect, test } from '@playwright/test'
import { addCalendarMonths, formatMonth, londonDate, monthOf } from '../lib/domain/time'
import { errorSummary, signIn } from './helpers'

// In the demo data Willow House had no Regulation 44 visit last month: that month is red for that reason only.
const lastMonth = addCalendarMonths(monthOf(londonDate(new Date())), -1)
const visitDay = `${lastMonth}-15`

test('a manager records a visit by an independent person, adds actions, and sees the month turn from red to green', async ({
  page,
}) => {
  await signIn(page, 'manager@demo.haven.test')
  await page.goto('/homes/demo-home-willow')
  await page.getByRole('link', { name: /^Oversight: Regulation 44 visits/ }).click()
  await page.goto(`/homes/demo-home-willow/oversight?month=${lastMonth}`)
  await expect(
    page.getByRole('heading', { level: 2, name: `${formatMonth(lastMonth)}: Red: needs action` }),
  ).toBeVisible()
  await expect(page.getByText(/No Regulation 44 visit this month: the month ended on/)).toBeVisible()
  await expect(page.getByText(/Gareth Lowe/).first()).toBeVisible() // on the register, not independent
  await expect(
    page.getByText(/Not independent: Haven shows a staff role for the provider at Birch Lodge/),
  ).toBeVisible()

  await page.getByRole('link', { name: 'Record a visit' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Record a Regulation 44 visit to Willow House')
  await page.getByRole('button', { name: 'Record the visit' }).click()
  await expect(errorSummary(page)).toContainText('Say whether the visit was announced')
  // Gareth's appointment ended months ago: Helen, the only one left, is chosen already
  await expect(page.getByLabel('Independent person who visited')).toHaveValue('demo-ip-willow-helen')
  await expect(errorSummary(page)).toContainText('Enter the opinion on whether children are effectively safeguarded')

  await page.getByLabel('Independent person who visited').selectOption({ label: 'Helen Brandt' })
  await page.getByLabel('Date of the visit').fill(visitDay)
  await page.getByRole('group', { name: 'Was the visit announced?' }).getByLabel('Unannounced').check()
  await page.getByLabel('Children', { exact: true }).fill('4')
  await page.getByLabel('Staff', { exact: true }).fill('3')
  await page.getByLabel('The missing from care log').check()
  await page.getByLabel('Return interviews').check()
  await page.getByLabel('CSE safety plans').check()
  await page
    .getByLabel('Opinion: are children effectively safeguarded?')
    .fill('Children are effectively safeguarded; two return interviews were late.')
  await page
    .getByLabel('Opinion: does the conduct of the home promote children’s well-being?')
    .fill('Yes: the children spoke warmly of their key workers.')
  await page.getByRole('button', { name: 'Add a recommendation' }).click()
  await page
    .getByLabel('Recommendation (1)')
    .fill('Hold return interviews within 72 hours: agree a same-day referral with the missing team')
  await page.getByLabel('Owner (1)').fill('Priya Shah')
  await page.getByLabel('Due by (1)').fill(addCalendarMonths(monthOf(londonDate(new Date())), 1) + '-10')
  await page
    .getByLabel('Report written here (optional)')
    .fill('Visit report: spoke with four children and three staff; records checked.')
  await page.getByLabel('Date the report was received (optional)').fill(`${lastMonth}-18`)
  await page.getByLabel('Sent to Ofsted on (optional)').fill(`${lastMonth}-20`)
  for (const field of await page.getByLabel(/\(placing authority\) on \(optional\)/).all())
    await field.fill(`${lastMonth}-20`)
  await page.getByRole('button', { name: 'Record the visit' }).click()

  await expect(page.getByRole('heading', { level: 1 })).toContainText('Regulation 44 visit to Willow House')
  await expect(page.getByText('The visitor was independent of the home on the day of the visit.')).toBeVisible()
  await expect(page.locator('strong', { hasText: 'Hold return interviews within 72 hours' })).toBeVisible()
  // a second action, added on the visit's page
  await page.getByLabel('Recommendation', { exact: true }).fill('Review Shannon’s safety plan, past its review date')
  await page.getByLabel('Owner', { exact: true }).fill('Jordan Ellis')
  await page.getByLabel('Due by', { exact: true }).fill(addCalendarMonths(monthOf(londonDate(new Date())), 1) + '-05')
  await page.getByRole('button', { name: 'Add the action' }).click()
  await expect(page.locator('strong', { hasText: 'Review Shannon’s safety plan' })).toBeVisible()

  // a correction is a new entry beside the original
  await page.getByText('Correct something in this visit').click()
  await page.getByLabel('What needs correcting?').selectOption({ label: 'Staff spoken with' })
  await expect(page.getByLabel('What it should say')).toHaveValue('3')
  await page.getByLabel('What it should say').fill('4')
  await page.getByLabel('Why does it need correcting?').fill('The night manager also spoke with her')
  await page.getByRole('button', { name: 'Save the correction' }).click()
  await expect(page.getByText(/Staff spoken with was “3”, now “4”/)).toBeVisible()

  await page.getByRole('link', { name: 'Back to the oversight of Willow House' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Oversight: Willow House, ${formatMonth(lastMonth)}`)
  await expect(
    page.getByRole('heading', { level: 2, name: `${formatMonth(lastMonth)}: Green: in order` }),
  ).toBeVisible()
  await expect(page.getByText(/Visited on .* by Helen Brandt/)).toBeVisible()
  await expect(page.getByText('Received, and sent to Ofsted and every placing authority on time.')).toBeVisible()
  await expect(page.getByText('None overdue; 2 open, not yet due.')).toBeVisible()
})

test('the visitor sees their checklist, with first names and facts, but not a child’s case record', async ({
  page,
}) => {
  await signIn(page, 'visitor@demo.haven.test')
  await page.getByRole('link', { name: 'Willow House: what to check this month' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('What to check at Willow House')
  await page.goto(`/homes/demo-home-willow/oversight/checklist?month=${lastMonth}`)
  await expect(page.getByRole('region', { name: 'Episodes this month' })).toContainText('Ellie M.')
  await expect(page.getByText('Ellie Marsh')).toHaveCount(0)
  // never the child's record, nor the home's oversight month (that is the registered person's)
  expect((await page.goto('/children/demo-child-01'))?.status()).toBe(404)
  expect((await page.goto('/homes/demo-home-willow/oversight'))?.status()).toBe(404)
  // and a home they do not visit is not found
  expect((await page.goto('/homes/demo-home-birch/oversight/checklist'))?.status()).toBe(404)
})

test('a home outside the person’s scope is not found', async ({ page }) => {
  await signIn(page, 'manager@demo.haven.test')
  const response = await page.goto('/homes/demo-home-birch/oversight')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found')
  await expect(page.getByText('Birch Lodge')).toHaveCount(0)
  expect((await page.goto('/homes/demo-home-cedar/oversight/visits/new'))?.status()).toBe(404)
})

test('the responsible individual sees every home of the provider, month by month, with the reasons', async ({
  page,
}) => {
  await signIn(page, 'ri@demo.haven.test')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Oversight' }).click()
  const table = page.getByRole('region', { name: 'Homes by month' })
  await expect(table.getByRole('rowheader', { name: /Willow House/ })).toBeVisible()
  await expect(table.getByRole('rowheader', { name: /Birch Lodge/ })).toBeVisible()
  await expect(table.getByRole('rowheader', { name: /Cedar Court/ })).toHaveCount(0)
  await expect(table).toContainText('Repair the broken window lock')
})

test('a manager registers an independent person, then ends the appointment with the reason, and it stays on the register', async ({
  page,
}) => {
  await signIn(page, 'manager@demo.haven.test')
  await page.goto('/homes/demo-home-willow/oversight')
  await page.getByRole('link', { name: 'Register an independent person' }).click()
  await page.getByLabel('Name', { exact: true }).fill('Sam Okafor')
  await page.getByLabel('Appointed by').fill('Martin Cole for Brightpath Care')
  for (const box of await page
    .getByRole('group', { name: /Their declaration/ })
    .getByRole('checkbox')
    .all())
    await box.check()
  await page.getByRole('button', { name: 'Register the independent person' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Oversight: Willow House')

  await page.getByRole('link', { name: 'End the appointment of Sam Okafor' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('End Sam Okafor’s appointment at Willow House')
  await page.getByRole('button', { name: 'End the appointment' }).click()
  await expect(errorSummary(page)).toContainText('Enter why the appointment ended')
  await page.getByLabel('Why it ended').fill('Moved away from the area')
  await page.getByRole('button', { name: 'End the appointment' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Oversight: Willow House')
  await expect(page.getByText(/Appointment ended .*: Moved away from the area/)).toBeVisible()
  await expect(page.getByRole('link', { name: 'End the appointment of Sam Okafor' })).toHaveCount(0)
})
