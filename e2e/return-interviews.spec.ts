import { expect, test } from '@playwright/test'
import { DEMO_PASSWORD } from '../prisma/demo-accounts'
import { errorSummary, signIn } from './helpers'

// demo-interview-06: Ellie Marsh's latest return (3 days ago), still to be held, Northshire's service
test('a practitioner records an interview: independence checked, the child’s words, concerns about the home said to be private first', async ({
  page,
}) => {
  await signIn(page, 'rhi@demo.haven.test')
  await expect(page.getByRole('region', { name: 'Interviews for your service' })).toContainText('Ellie Marsh')
  await page.goto('/return-interviews/demo-interview-06')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Return interview: Ellie Marsh')
  // only what holding it needs: no link into the child's record or the episode
  await expect(page.getByRole('link', { name: 'The missing episode' })).toHaveCount(0)

  const record = page.getByRole('form', { name: 'Record the interview' })
  await record.getByLabel('Held', { exact: true }).check()
  await record.getByLabel('Who held it?').fill('Amira Haddad')
  await record.getByLabel('Their organisation').fill('Brightpath Care')
  await record.getByLabel('Why they left (optional)').fill('Jay texted me to come out')
  await expect(record.locator('#concerns-who')).toContainText(/The home.s staff and its provider cannot/)
  await expect(record.getByLabel('Concerns about the home (optional)')).toHaveAccessibleDescription(
    /Private from the home’s staff and provider/,
  )
  await record
    .getByLabel('Concerns about the home (optional)')
    .fill('Night staff lock the kitchen and nobody listens to me')
  await record.getByRole('button', { name: 'Add a place' }).click()
  await record.getByLabel('Place (1)').fill('kebab king station road')
  await record.getByRole('button', { name: 'Save the interview record' }).click()
  await expect(errorSummary(page)).toContainText('Confirm the interviewer is independent')
  await record.getByLabel(/I declare the person who held it is independent/).check()
  await record.getByRole('button', { name: 'Save the interview record' }).click()
  await expect(errorSummary(page)).toContainText('Brightpath Care Ltd, which runs the home, is not independent')
  await expect(record.getByLabel('Why they left (optional)')).toHaveValue('Jay texted me to come out')
  await record.getByLabel('Their organisation').fill('Northshire Missing Children Team')
  // the home's manager typed in by name (any case or spacing) is not independent either
  await record.getByLabel('Who held it?').fill('priya  SHAH')
  await record.getByRole('button', { name: 'Save the interview record' }).click()
  await expect(errorSummary(page)).toContainText(
    'Priya Shah is a registered manager at Willow House, so not independent',
  )
  await record.getByLabel('Who held it?').fill('Amira Haddad')
  await record.getByRole('button', { name: 'Save the interview record' }).click()
  await expect(page.getByRole('region', { name: 'Concerns about the home' })).toContainText(
    'Night staff lock the kitchen',
  )
  await expect(page.getByText('Place: kebab king station road')).toBeVisible()

  // a disclosure starts a CSE screening; the police get what they need, on a recorded basis
  const followUp = page.getByRole('form', { name: 'Start a follow-up' })
  await followUp.getByLabel('A child sexual exploitation (CSE) screening').check()
  await followUp.getByRole('button', { name: 'Record it' }).click()
  await expect(page.getByRole('region', { name: 'Started from this interview' })).toContainText('CSE screening')
  const police = page.getByRole('form', { name: 'Record information shared with the police' })
  await police.getByLabel('Police force').fill('Northshire Police')
  await police.getByLabel('What was shared?').fill('Kebab King, the man called Jay')
  await police.getByLabel('Without consent, to safeguard the child or others').check()
  await police.getByRole('button', { name: 'Record the sharing' }).click()
  await expect(errorSummary(page)).toContainText('Say why it was shared without the child’s consent')
  await police.getByLabel('Why was it shared without consent?').fill('Risk of sexual exploitation')
  await police.getByRole('button', { name: 'Record the sharing' }).click()
  await expect(page.getByRole('region', { name: 'Shared with the police' })).toContainText('Northshire Police')
  await page.getByRole('link', { name: 'Police intelligence summary (printable)' }).click()
  await expect(page.getByRole('heading', { name: 'Places' })).toBeVisible()
  await expect(page.getByText('kebab king station road')).toBeVisible()
})

test('a care worker of the home cannot see the concerns about the home, in the page or through the API', async ({
  page,
  request,
}) => {
  await signIn(page, 'care.worker@demo.haven.test')
  await page.goto('/return-interviews/demo-interview-02') // Ellie's interview with concerns about Willow House
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Return interview: Ellie Marsh')
  await expect(page.getByText('Jay bought her food')).toBeVisible()
  await expect(page.getByText(/lock the kitchen/)).toHaveCount(0)
  await expect(page.getByRole('region', { name: 'Concerns about the home' })).toHaveCount(0)

  const token = (
    await (
      await request.post('/api/v1/auth/token', {
        data: { email: 'care.worker@demo.haven.test', password: DEMO_PASSWORD },
      })
    ).json()
  ).token
  const api = await request.get('/api/v1/missing-episodes/demo-episode-02/return-interview', {
    headers: { Authorization: `Bearer ${token}` },
  })
  expect(api.status()).toBe(200)
  const body = await api.json()
  expect(body.concernsVisible).toBe(false)
  expect(JSON.stringify(body)).not.toContain('kitchen')

  // the child's IRO does see them
  const iroToken = (
    await (
      await request.post('/api/v1/auth/token', { data: { email: 'iro@demo.haven.test', password: DEMO_PASSWORD } })
    ).json()
  ).token
  const iro = await (
    await request.get('/api/v1/missing-episodes/demo-episode-02/return-interview', {
      headers: { Authorization: `Bearer ${iroToken}` },
    })
  ).json()
  expect(iro.concernsAboutHome).toMatch(/lock the kitchen/)
})

test('the manager sees the timeliness figures for their home', async ({ page }) => {
  await signIn(page, 'manager@demo.haven.test')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reports')
  await page.getByRole('link', { name: 'Return interview timeliness' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Return interview timeliness')
  const byHome = page.getByRole('table', { name: 'By home' })
  await expect(byHome.getByRole('rowheader', { name: 'Willow House' })).toBeVisible()
  await expect(byHome).not.toContainText('Birch Lodge')
})
