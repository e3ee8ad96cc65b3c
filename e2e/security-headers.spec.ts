import { expect, test } from '@playwright/test'
import { errorSummary, signIn } from './helpers'

test('pages carry the security headers, and work under the Content-Security-Policy: scripts run, a form submits', async ({
  page,
  request,
}) => {
  // anything the policy blocks is reported in the page: collect it
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { cspViolations: string[] }).cspViolations = [])
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`))
  })
  const response = (await page.goto('/sign-in'))!
  const headers = response.headers()
  const nonce = headers['content-security-policy'].match(/'nonce-([^']+)'/)?.[1]
  expect(nonce).toBeTruthy()
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
  expect(headers['permissions-policy']).toBe('camera=(), microphone=(), geolocation=()')
  expect(headers['x-content-type-options']).toBe('nosniff')
  expect(headers['referrer-policy']).toBe('same-origin')
  expect(headers['cache-control']).toContain('no-store')
  expect(headers['strict-transport-security']).toBeUndefined() // plain HTTP on 127.0.0.1
  // Next's scripts carry this response's nonce (the browser hides it from the DOM: read the HTML)
  expect(await response.text()).toContain(`<script src="/_next/static/`)
  expect(
    (await response.text()).match(new RegExp(`<script[^>]* nonce="${nonce!.replace(/[+/=]/g, '\\$&')}"`, 'g'))?.length,
  ).toBeGreaterThan(0)

  await signIn(page, 'manager@demo.haven.test')
  // react-hook-form runs in the browser: the error summary appears and takes focus without a page load
  await page.goto('/children/new')
  await page.getByRole('button', { name: 'Add child' }).click()
  await expect(errorSummary(page)).toBeFocused()
  await expect(errorSummary(page).getByRole('link', { name: 'Enter the first name' })).toBeVisible()
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([])

  // Next's static files stay cacheable
  const script = await page.locator('script[src^="/_next/static/"]').first().getAttribute('src')
  const asset = await request.get(script!)
  expect(asset.headers()['cache-control']).toContain('immutable')
  expect(asset.headers()['x-content-type-options']).toBe('nosniff')
})

test('requests nothing can answer get a 4xx, never a 500', async ({ page, request }) => {
  const badPage = await page.goto('/children/%FF')
  expect(badPage!.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found')

  const badApi = await request.get('/api/v1/children/%FF')
  expect(badApi.status()).toBe(400)
  expect(badApi.headers()['content-type']).toContain('application/problem+json')

  const trace = await request.fetch('/api/v1/children', { method: 'TRACE' })
  expect(trace.status()).toBe(405)
  expect(trace.headers()['content-type']).toContain('application/problem+json')
  expect(trace.headers()['allow']).toBeTruthy()

  const put = await request.fetch('/api/v1/children', { method: 'PUT', data: {} })
  expect(put.status()).toBe(405)
  expect(put.headers()['allow']).toBe('GET, POST, HEAD')
  expect((await put.json()).status).toBe(405)
})
