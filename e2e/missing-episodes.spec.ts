import { expect, test, type Page } from '@playwright/test'
import { DEMO_PASSWORD } from '../prisma/demo-accounts'
import { errorSummary, signIn } from './helpers'

// Willow House children in the demo data without an open episode
const MOHAMMED = 'demo-child-06'
const AIDEN = 'demo-child-28'

async function reportMissing(page: Page, childId: string) {
  await page.goto(`/children/${childId}`)
  await page.getByRole('link', { name: /^Report .* missing$/ }).click()
  await page.getByLabel('No: missing').check()
  await page.getByLabel('Who were they with? (optional)').fill('A boy called Dean')
  await page.getByLabel('What were they wearing? (optional)').fill('Red hoodie, black joggers')
  await page.getByRole('group', { name: 'Have the police been told?' }).getByLabel('Yes').check()
  await page.getByLabel('Police reference (optional)').fill('NP-26-9001')
  await page.getByRole('button', { name: /^Report .* missing$/ }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('missing since')
}

test('a care worker reports a child missing, follows the episode, records the return; the manager reviews and closes it', async ({
  page,
  browser,
}) => {
  await signIn(page, 'care.worker@demo.haven.test')
  await reportMissing(page, MOHAMMED)
  await expect(page.getByText('Missing now', { exact: true })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Give the police the grab pack' })).toBeVisible()
  const episodeUrl = page.url().replace(/\?.*$/, '')

  // the grab pack goes to the police with part 2 filled from the episode, and is recorded as shared
  await page.getByRole('link', { name: 'Give the police the grab pack' }).click()
  await expect(page.getByText('Red hoodie, black joggers')).toBeVisible()
  await expect(page.getByText('There is no grab pack for Mohammed yet')).toBeVisible()
  await page.getByLabel('Police force given it').fill('Northshire Police')
  await page.getByRole('button', { name: 'Record that the police have it' }).click()
  await expect(page.getByText(/Northshire Police \(NP-26-9001\), by Jordan Ellis/)).toBeVisible()

  // timeline: a call, then the police risk grade
  await page.goto(episodeUrl)
  await page.getByLabel('What is it?').selectOption('CALL')
  await page.getByLabel('Details', { exact: true }).fill('Rang his phone, no answer')
  await page.getByRole('button', { name: 'Add to the timeline' }).click()
  await expect(page.getByRole('list', { name: 'Timeline' })).toContainText('Rang his phone, no answer')
  await page.getByLabel('What is it?').selectOption('POLICE_RISK_GRADE')
  await page.getByRole('button', { name: 'Add to the timeline' }).click()
  await expect(errorSummary(page)).toContainText('Select the police risk grade')
  await page.getByLabel('Risk grade given by the police', { exact: true }).selectOption('MEDIUM')
  await page.getByRole('button', { name: 'Add to the timeline' }).click()
  await expect(page.getByRole('list', { name: 'Timeline' })).toContainText(
    'Risk grade given by the police: Medium risk',
  )
  await expect(page.getByRole('definition').filter({ hasText: /^Medium risk$/ })).toBeVisible() // the grade now, in "What we know"

  // a second report for the same child is refused while the first is open
  await page.goto(`/children/${MOHAMMED}/missing/new`)
  await page.getByLabel('No: missing').check()
  await page.getByRole('group', { name: 'Have the police been told?' }).getByLabel('Not yet').check()
  await page.getByRole('button', { name: /^Report .* missing$/ }).click()
  await expect(errorSummary(page)).toContainText('already recorded as missing or away')

  // the return
  await page.goto(episodeUrl)
  await page.getByRole('link', { name: /is back: record the return/ }).click()
  await page.getByLabel('Found by the police').check()
  await page.getByLabel('Where were they found, or where had they been? (optional)').fill('kebab king, station rd')
  await page.getByLabel('What kind of place?').first().selectOption('TAKEAWAY_OR_SHOP')
  await page.getByLabel('Name (1)').fill('Jay')
  await page.getByRole('button', { name: 'Add a vehicle' }).click()
  await page.getByLabel('Registration (1)').fill('ab12 cde')
  await page.getByLabel('Hungry').check()
  await page.getByLabel('Signs of harm or of sexual exploitation (optional)').fill('New trainers he would not explain')
  await page.getByRole('button', { name: 'Record the return' }).click()
  await expect(page.getByText('Returned: to review')).toBeVisible()
  await expect(
    page.getByRole('status').filter({ hasText: 'The return is recorded. Next: the return interview' }),
  ).toBeFocused()
  // shown as typed for this child; recognised as the demo's existing records (see the Places page)
  await expect(page.getByText(/kebab king, station rd/)).toBeVisible()
  await expect(page.getByText('AB12 CDE')).toBeVisible()

  // a correction keeps the original beside it
  await page.getByRole('link', { name: 'Correct something in this record' }).click()
  await page.getByLabel('What needs correcting?').selectOption('clothing')
  await page.getByLabel('What it should say').fill('Red hoodie, black joggers, green cap')
  await page.getByLabel('Why does it need correcting?').fill('Staff member on the next shift remembered the cap')
  await page.getByRole('button', { name: 'Save the correction' }).click()
  await expect(page.getByRole('list', { name: 'Timeline' })).toContainText(
    'Was: Red hoodie, black joggers. Now: Red hoodie, black joggers, green cap.',
  )

  // the manager reviews and closes it
  const managerContext = await browser.newContext()
  const manager = await managerContext.newPage()
  await signIn(manager, 'manager@demo.haven.test')
  await expect(manager.getByRole('region', { name: 'Episodes to review' })).toContainText('Mohammed Iqbal')
  await manager.goto(episodeUrl)
  await manager.getByRole('button', { name: 'Close the episode' }).click()
  await expect(errorSummary(manager)).toContainText('Enter your review')
  await manager.getByLabel('Your review').fill('Return interview offered; strategy discussion booked.')
  await manager.getByRole('button', { name: 'Close the episode' }).click()
  await expect(manager.getByText('Closed', { exact: true })).toBeVisible()
  await expect(manager.getByRole('status').filter({ hasText: 'The episode is reviewed and closed' })).toBeFocused()
  await managerContext.close()
})

test('a return before the child was last seen is refused, and what was typed stays', async ({ page }) => {
  await signIn(page, 'care.worker@demo.haven.test')
  await reportMissing(page, AIDEN)
  await page.getByRole('link', { name: /is back: record the return/ }).click()
  const back = page.getByRole('group', { name: /When did Aiden come back/ })
  await back.getByLabel('Date').fill('2020-01-01')
  await back.getByLabel('Time').fill('10:00')
  await page.getByLabel('Came back on their own').check()
  await page.getByLabel('Name (1)').fill('His cousin')
  await page.getByRole('button', { name: 'Record the return' }).click()
  await expect(errorSummary(page)).toContainText('The return cannot be before the child was last seen')
  await expect(page.getByLabel('Name (1)')).toHaveValue('His cousin')
})

test('"went with": a second child of the same home is reported missing too, and the episodes are linked', async ({
  page,
}) => {
  await signIn(page, 'care.worker@demo.haven.test')
  await page.goto('/episodes/demo-episode-15') // Shannon Doyle, missing now
  await page
    .getByLabel('Did another child from Willow House go too?')
    .selectOption({ label: 'Ellie Marsh: not reported missing: report them too' })
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByLabel('Yes: away without authorisation').check()
  await page.getByRole('group', { name: 'Have the police been told?' }).getByLabel('Not yet').check()
  await page.getByRole('button', { name: 'Report Ellie missing' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Ellie Marsh')
  await expect(page.getByRole('link', { name: 'Shannon Doyle' })).toBeVisible()
})

test("a care worker cannot see another home's episode, in the page or the API", async ({ page, request }) => {
  await signIn(page, 'care.worker@demo.haven.test')
  const response = await page.goto('/episodes/demo-episode-16') // Chantelle Okoro, Birch Lodge
  expect(response?.status()).toBe(404)
  const token = (
    await (
      await request.post('/api/v1/auth/token', {
        data: { email: 'care.worker@demo.haven.test', password: DEMO_PASSWORD },
      })
    ).json()
  ).token
  const api = await request.get('/api/v1/missing-episodes/demo-episode-16', {
    headers: { Authorization: `Bearer ${token}` },
  })
  expect(api.status()).toBe(404)
  const report = await request.post('/api/v1/children/demo-child-09/missing-episodes', {
    headers: { Authorization: `Bearer ${token}` },
    data: {
      absenceType: 'MISSING',
      lastSeenAt: '2026-01-01T10:00',
      lastSeenPlace: 'Birch Lodge',
      policeInformed: false,
    },
  })
  expect(report.status()).toBe(404)
})

test('places typed differently are recognised, and a manager merges the near-duplicates', async ({ page }) => {
  await signIn(page, 'manager@demo.haven.test')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Places' }).click()
  const places = page.getByRole('table').first()
  await expect(places).toContainText('Kebab King, Station Road')
  const kebab = page
    .getByRole('region', { name: 'Possibly the same' })
    .getByRole('listitem')
    .filter({ hasText: '“Kebab King”' })
  const before = await kebab.count()
  expect(before).toBeGreaterThan(0)
  await kebab
    .first()
    .getByRole('button', { name: /Merge into/ })
    .click()
  await expect.poll(() => kebab.count()).toBeLessThan(before)
})
