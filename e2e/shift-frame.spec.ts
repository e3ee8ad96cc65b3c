// The frame every page shares, on a phone on shift: a header one line high with the navigation behind a menu button
// (a link to it without the page's script), a date-and-time field set in one key press, the printed frame
// (OFFICIAL-SENSITIVE, who printed it and when), the icon and manifest for a home screen, and no SSDA903 codes or
// internal ids on the main pages.
import { expect, test, type Page } from '@playwright/test'
import { londonLocal } from '../lib/domain/time'
import { signIn } from './helpers'

const PHONE = { width: 360, height: 740 }
const headerHeight = (page: Page) =>
  page.locator('.site-header').evaluate((el) => Math.round(el.getBoundingClientRect().height))

test('on a phone the header is one line and a menu button opens the navigation, by keyboard', async ({ page }) => {
  await page.setViewportSize(PHONE)
  await signIn(page, 'admin@demo.haven.test') // the most links of any role
  const menu = page.getByRole('button', { name: 'Menu' })
  const nav = page.getByRole('navigation', { name: 'Main' })
  expect(await headerHeight(page)).toBeLessThanOrEqual(64)
  await expect(menu).toHaveAttribute('aria-expanded', 'false')
  await expect(nav).toBeHidden()

  await menu.focus()
  await page.keyboard.press('Enter')
  await expect(menu).toHaveAttribute('aria-expanded', 'true')
  await expect(nav.getByRole('link', { name: 'Audit trail' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
  await page.keyboard.press('Tab')
  await page.keyboard.press('Escape')
  await expect(menu).toHaveAttribute('aria-expanded', 'false')
  await expect(menu).toBeFocused()
  await expect(nav).toBeHidden()

  // a link followed closes the menu on the new page
  await menu.click()
  await nav.getByRole('link', { name: 'Users' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Users')
  await expect(menu).toHaveAttribute('aria-expanded', 'false')
  await expect(nav).toBeHidden()

  // on a wide screen the navigation shows without the button
  await page.setViewportSize({ width: 1280, height: 800 })
  await expect(nav).toBeVisible()
  await expect(menu).toBeHidden()
})

test.describe("without the page's script", () => {
  test.use({ javaScriptEnabled: false })

  test('on a phone the "Menu" link reaches the navigation and a page through it', async ({
    page,
    browser,
    baseURL,
  }) => {
    // signing in needs the script (the form checks as you type): the session comes from a browser that runs it
    const scripted = await browser.newContext({ baseURL, javaScriptEnabled: true })
    await signIn(await scripted.newPage(), 'admin@demo.haven.test')
    await page.context().addCookies(await scripted.cookies())
    await scripted.close()

    await page.setViewportSize(PHONE)
    await page.goto('/')
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Hello')
    const nav = page.getByRole('navigation', { name: 'Main' })
    expect(await headerHeight(page)).toBeLessThanOrEqual(64)
    await expect(nav).toBeHidden()
    await expect(page.getByRole('button', { name: 'Menu' })).toHaveCount(0)

    await page.getByRole('link', { name: 'Menu' }).click()
    await expect(nav.getByRole('link', { name: 'Audit trail' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
    await expect(page.locator('.site-header')).toBeInViewport() // the page stays at its top
    await nav.getByRole('link', { name: 'Users' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Users')
    await expect(nav).toBeHidden()
    expect(await headerHeight(page)).toBeLessThanOrEqual(64)
  })
})

test('"Now" and "An hour ago" fill the date and time in one key; a typed time stays after a failed submit', async ({
  page,
}) => {
  await page.setViewportSize(PHONE)
  await signIn(page, 'care.worker@demo.haven.test')
  await page.goto('/children/demo-child-07/missing/new')
  const when = page.getByRole('group', { name: 'When were they last seen?' })
  const time = when.getByLabel('Time')
  const date = when.getByLabel('Date')

  await when.getByRole('button', { name: 'An hour ago' }).focus()
  await page.keyboard.press('Enter')
  const hourAgo = londonLocal(new Date(Date.now() - 3_600_000))
  await expect(date).toHaveValue(hourAgo.slice(0, 10))
  await expect(time).toHaveValue(hourAgo.slice(11))

  await when.getByRole('button', { name: 'Now' }).focus()
  await page.keyboard.press('Enter')
  await expect(time).toHaveValue(londonLocal(new Date()).slice(11))

  // typed as "0930", kept as typed when the form is refused (nothing else is filled in)
  await time.fill('0930')
  await page.getByRole('button', { name: 'Report Jade missing' }).click()
  await expect(page.locator('.error-summary')).toBeVisible()
  await expect(time).toHaveValue('0930')

  // a time that is not a time is named, and the error is tied to the field
  await time.fill('9 oclock')
  await page.getByRole('button', { name: 'Report Jade missing' }).click()
  await expect(page.locator('.error-summary')).toContainText('real date and time')
  await expect(time).toHaveAttribute('aria-invalid', 'true')
  await expect(time).toHaveAttribute('aria-describedby', /f-lastSeenAt-error/)
})

test('a printed grab pack starts with the pack, says OFFICIAL-SENSITIVE, and who printed it and when', async ({
  page,
}) => {
  await signIn(page, 'care.worker@demo.haven.test')
  await page.goto('/children/demo-child-01/grab-pack')
  await expect(page.getByText('OFFICIAL-SENSITIVE').first()).toBeHidden() // print only
  await page.emulateMedia({ media: 'print' })
  await expect(page.locator('.site-header')).toBeHidden()
  const frame = page.locator('.print-frame')
  await expect(frame).toContainText('OFFICIAL-SENSITIVE')
  await expect(frame).toContainText(/Printed \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} by Jordan Ellis/)
  await expect(page.locator('p.classification').last()).toBeVisible() // at the end as well
  await expect(page.getByRole('heading', { name: 'Update the grab pack' })).toBeHidden() // the form is not printed
  // page 1 carries the pack itself: no part is kept whole at the cost of an empty first page
  const part1 = await page.getByRole('heading', { name: /Part 1/ }).boundingBox()
  expect(part1!.y).toBeLessThan(600)
  const breaks = await page.evaluate(
    () =>
      [...document.querySelectorAll('main section')].filter((s) => getComputedStyle(s).breakInside === 'avoid').length,
  )
  expect(breaks).toBe(0)
})

test('the icon and the manifest are there for a phone before anyone signs in', async ({ request }) => {
  const manifest = await request.get('/manifest.webmanifest')
  expect(manifest.status()).toBe(200)
  const body = await manifest.json()
  expect(body.name).toBe('Haven')
  expect(body.icons.map((i: { sizes: string }) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']))
  for (const icon of body.icons as { src: string; type: string }[]) {
    const response = await request.get(icon.src)
    expect(response.status(), icon.src).toBe(200)
    expect(response.headers()['content-type']).toContain(icon.type)
  }
  const signInPage = await request.get('/sign-in')
  expect(await signInPage.text()).toContain('rel="manifest"')
})

// what should never be on a page for people: an internal record id (a cuid), or an SSDA903 code in brackets
const INTERNAL_ID = /\bc[a-z0-9]{24}\b/
const SSDA903_CODE = /\((M|A|K2|PR4|X1|RC[0-9]|[A-Z][0-9])\)/
const MAIN_PAGES: [account: string, path: string][] = [
  ['care.worker@demo.haven.test', '/'],
  ['care.worker@demo.haven.test', '/homes/demo-home-willow'],
  ['care.worker@demo.haven.test', '/children/demo-child-01'],
  ['care.worker@demo.haven.test', '/episodes/demo-episode-15'],
  ['care.worker@demo.haven.test', '/children/demo-child-01/grab-pack'],
  ['manager@demo.haven.test', '/'],
  ['manager@demo.haven.test', '/places'],
  ['iro@demo.haven.test', '/alerts'],
  ['missing.lead@demo.haven.test', '/'],
  ['missing.lead@demo.haven.test', '/reports/missing'],
]
test('the main pages show words, not SSDA903 codes or internal ids', async ({ page }) => {
  let signedInAs = ''
  for (const [account, path] of MAIN_PAGES) {
    if (account !== signedInAs) {
      await page.context().clearCookies()
      await signIn(page, account)
      signedInAs = account
    }
    await page.goto(path)
    const text = await page.locator('main').innerText()
    expect(text, `${path} as ${account}`).not.toMatch(INTERNAL_ID)
    expect(text, `${path} as ${account}`).not.toMatch(SSDA903_CODE)
  }
})

test('every control on the forms is at least 24 by 24 px, at 360 px wide', async ({ page }) => {
  await page.setViewportSize(PHONE)
  const forms: [account: string, path: string][] = [
    ['care.worker@demo.haven.test', '/children/demo-child-07/missing/new'],
    ['care.worker@demo.haven.test', '/children/demo-child-01/chronology'],
    ['manager@demo.haven.test', '/homes/demo-home-willow/oversight'],
    ['manager@demo.haven.test', '/homes/demo-home-willow/oversight/visits/new'],
    ['admin@demo.haven.test', '/admin/access'],
  ]
  for (const [account, path] of forms) {
    await page.context().clearCookies()
    await signIn(page, account)
    await page.goto(path)
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('main button, main input:not([type=hidden]), main select, main textarea')]
        .map((el) => ({ el, box: el.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0 && (box.width < 24 || box.height < 24))
        .map(({ el, box }) => `${el.outerHTML.slice(0, 80)} ${Math.round(box.width)}x${Math.round(box.height)}`),
    )
    expect(small, path).toEqual([])
  }
})
