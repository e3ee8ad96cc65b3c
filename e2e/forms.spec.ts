import { expect, test } from '@playwright/test'
import { errorSummary, signIn } from './helpers'

const isoDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10)

test('adding a child: field errors are named, typed text survives, and the child is added', async ({ page }) => {
  await signIn(page, 'manager@demo.haven.test')
  await page.goto('/children/new')
  await page.getByRole('button', { name: 'Add child' }).click()

  // every missing answer is named, in a summary that takes focus, and beside its field
  await expect(errorSummary(page)).toBeFocused()
  for (const message of [
    'Enter the first name',
    'Enter the last name',
    'Enter the date of birth',
    'Select the legal status',
    'Enter the start date',
    'Select the placement type',
  ])
    await expect(errorSummary(page).getByRole('link', { name: message })).toBeVisible()
  await expect(page.getByLabel('First name')).toHaveAttribute('aria-invalid', 'true')
  await errorSummary(page).getByRole('link', { name: 'Enter the first name' }).click()
  await expect(page.getByLabel('First name')).toBeFocused()

  // fill everything, with a date of birth only the server can judge (over 18)
  await page.getByLabel('First name').fill('Robyn')
  await page.getByLabel('Last name').fill('Tester')
  await page.getByLabel('Date of birth').fill(isoDaysAgo(20 * 366))
  await page.getByLabel('Sex', { exact: true }).selectOption('FEMALE')
  await page.getByLabel('Ethnicity').selectOption('WBRI')
  await page.getByLabel('Legal status (SSDA903 LS)').selectOption('C2')
  await page.getByLabel('Placing local authority').selectOption({ label: 'Northshire County Council' })
  await page.getByLabel('Independent reviewing officer (IRO)').selectOption({ label: 'Grace Okafor' })
  await page.getByLabel('Start date').fill(isoDaysAgo(1))
  await page.getByLabel('Placement type (SSDA903 PLACE)').selectOption('K2')
  await page.getByLabel('Who provides the placement (PLACE_PROVIDER)').selectOption('PR4')
  await page.getByRole('button', { name: 'Add child' }).click()

  await expect(errorSummary(page)).toContainText('A child looked after is under 18: check the date of birth')
  await expect(page.getByLabel('Date of birth')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByLabel('First name')).toHaveValue('Robyn')
  await expect(page.getByLabel('Last name')).toHaveValue('Tester')

  await page.getByLabel('Date of birth').fill(isoDaysAgo(14 * 366))
  await page.getByRole('button', { name: 'Add child' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Robyn Tester')
  await expect(page.getByText('Willow House (NS4 7QD)')).toBeVisible()
  await expect(page.getByText('Grace Okafor')).toBeVisible()
})

test('ending a placement: an end date before the start is refused by name', async ({ page }) => {
  await signIn(page, 'manager@demo.haven.test')
  await page.goto('/children/demo-child-06') // Mohammed Iqbal: one placement, at Willow House
  await page.getByRole('link', { name: /End this placement/ }).click()
  await page.getByLabel('End date').fill('2001-01-01')
  await page.getByLabel('Why the placement ended (SSDA903 REC)').selectOption('E4A')
  await page.getByRole('button', { name: 'End placement' }).click()
  await expect(errorSummary(page)).toContainText('End date cannot be before the placement started')
  await expect(page.getByLabel('Why the placement ended (SSDA903 REC)')).toHaveValue('E4A')
})
