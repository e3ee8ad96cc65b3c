import { expect, test } from '@playwright/test'
import { signIn } from './helpers'

test('a load balancer asks whether Haven is alive and ready, without signing in', async ({ request }) => {
  const health = await request.get('/api/health')
  expect(health.status()).toBe(200)
  expect(health.headers()['cache-control']).toBe('no-store')
  expect(await health.json()).toEqual({ status: 'ok' })
  const ready = await request.get('/api/ready')
  expect(ready.status()).toBe(200)
  expect(ready.headers()['cache-control']).toBe('no-store')
  expect(await ready.json()).toMatchObject({
    status: 'ready',
    checks: { database: { ok: true }, migrations: { ok: true, pending: [] }, dispatcher: { ok: true } },
  })
})

test('an administrator sees the e-mail outbox; nobody else can open it', async ({ page, browser }) => {
  await signIn(page, 'admin@demo.haven.test')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'E-mail outbox' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('E-mail outbox')
  await expect(page.getByText('Waiting to be sent')).toBeVisible()
  await expect(page.getByText('Dispatcher lag')).toBeVisible()

  const context = await browser.newContext()
  const manager = await context.newPage()
  await signIn(manager, 'manager@demo.haven.test')
  const response = await manager.goto('/admin/dispatcher')
  expect(response?.status()).toBe(404)
  await context.close()
})
