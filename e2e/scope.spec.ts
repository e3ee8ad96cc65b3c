import { expect, test } from '@playwright/test'
import { DEMO_PASSWORD } from '../prisma/demo-accounts'
import { signIn } from './helpers'

// Willow House's children in the demo data, and some placed elsewhere (other tests may add children to Willow House).
const WILLOW_HOUSE = [
  'Aaliyah Grant',
  'Aiden Ward',
  'Ellie Marsh',
  'Jade Pearson',
  'Kyle Benson',
  'Mohammed Iqbal',
  'Shannon Doyle',
  'Tyler Hopkins',
]
const ELSEWHERE = [
  'Reece Fletcher',
  'Chantelle Okoro',
  'Sophie Lang',
  'Harvey Stone',
  'Liam Doherty',
  'Hannah Price',
  'Kayla Burns',
]

function expectWillowHouseOnly(names: string[]) {
  for (const name of WILLOW_HOUSE) expect(names).toContain(name)
  for (const name of ELSEWHERE) expect(names).not.toContain(name)
}

test('a care worker sees only the children of their home', async ({ page }) => {
  await signIn(page, 'care.worker@demo.haven.test')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Children' }).click()
  await expect(page.getByText(/^\d+ children$/)).toBeVisible()
  expectWillowHouseOnly(await page.locator('ul.cards .title').allInnerTexts())
  for (const card of await page.locator('ul.cards > li').all()) await expect(card).toContainText('Willow House')
})

test("a care worker of one home gets 'not found' for another home's child by URL", async ({ page }) => {
  await signIn(page, 'care.worker@demo.haven.test')
  const response = await page.goto('/children/demo-child-08')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found')
  await expect(page.getByText('Reece')).toHaveCount(0)
  // their own child opens
  await page.goto('/children/demo-child-01')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ellie Marsh')
})

test('the API honours the same scope, with problem details', async ({ request }) => {
  const tokenResponse = await request.post('/api/v1/auth/token', {
    data: { email: 'care.worker@demo.haven.test', password: DEMO_PASSWORD },
  })
  expect(tokenResponse.status()).toBe(201)
  const { token, expiresAt } = await tokenResponse.json()
  expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now())
  const headers = { Authorization: `Bearer ${token}` }

  const list = await (await request.get('/api/v1/children', { headers })).json()
  expectWillowHouseOnly(
    list.children.map((c: { firstName: string; lastName: string }) => `${c.firstName} ${c.lastName}`),
  )
  for (const child of list.children) expect(child.currentPlacement.home.name).toBe('Willow House')

  const theirs = await request.get('/api/v1/children/demo-child-08', { headers })
  expect(theirs.status()).toBe(404)
  expect(theirs.headers()['content-type']).toContain('application/problem+json')
  const problem = await theirs.json()
  expect(problem).toMatchObject({ status: 404, title: 'Not found' })
  expect(JSON.stringify(problem)).not.toMatch(/Reece|stack|at \//)

  const mine = await request.get('/api/v1/children/demo-child-01', { headers })
  expect(mine.status()).toBe(200)
  expect((await mine.json()).firstName).toBe('Ellie')

  // revoked: stops at once
  expect((await request.delete('/api/v1/auth/token', { headers })).status()).toBe(204)
  expect((await request.get('/api/v1/children', { headers })).status()).toBe(401)
})
