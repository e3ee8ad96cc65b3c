// axe-core on every page, as the people who use it, at desktop width and at 360 px: no serious or critical
// violations, and nothing wider than the screen.
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { addCalendarMonths, londonDate, monthOf } from '../lib/domain/time'
import { signIn } from './helpers'

const PAGES: [account: string | null, path: string][] = [
  [null, '/sign-in'],
  ['care.worker@demo.haven.test', '/'],
  ['care.worker@demo.haven.test', '/children'],
  ['care.worker@demo.haven.test', '/children?search=zzz'],
  ['care.worker@demo.haven.test', '/children/demo-child-01'],
  ['care.worker@demo.haven.test', '/account'],
  ['care.worker@demo.haven.test', '/account/second-factor'],
  ['care.worker@demo.haven.test', '/no-such-page'],
  ['care.worker@demo.haven.test', '/homes/demo-home-willow'],
  // the registered manager's home page has the form for the home's phone number
  ['manager@demo.haven.test', '/homes/demo-home-willow'],
  ['care.worker@demo.haven.test', '/children/demo-child-07/missing/new'],
  ['care.worker@demo.haven.test', '/episodes/demo-episode-15'],
  ['care.worker@demo.haven.test', '/episodes/demo-episode-15/return'],
  ['care.worker@demo.haven.test', '/episodes/demo-episode-15/grab-pack'],
  ['care.worker@demo.haven.test', '/episodes/demo-episode-04'],
  ['care.worker@demo.haven.test', '/episodes/demo-episode-04/amend'],
  ['care.worker@demo.haven.test', '/children/demo-child-01/grab-pack'],
  ['manager@demo.haven.test', '/'],
  ['manager@demo.haven.test', '/places'],
  ['manager@demo.haven.test', '/children/demo-child-01/cse'],
  ['manager@demo.haven.test', '/children/demo-child-03/cse'],
  ['manager@demo.haven.test', '/children/demo-child-01/safety-plan/1'],
  ['care.worker@demo.haven.test', '/children/demo-child-02/cse/screen'],
  ['manager@demo.haven.test', '/children/demo-child-01/cse/notifiable-event'],
  ['care.worker@demo.haven.test', '/children/demo-child-01/safety-plan/new'],
  ['manager@demo.haven.test', '/episodes/demo-episode-05'],
  ['manager@demo.haven.test', '/children/new'],
  ['manager@demo.haven.test', '/children/demo-child-01/placements/new'],
  ['manager@demo.haven.test', '/children/demo-child-01/placements/demo-child-01-p2/end'],
  ['ri@demo.haven.test', '/'],
  ['iro@demo.haven.test', '/'],
  ['social.worker@demo.haven.test', '/'],
  ['social.worker@demo.haven.test', '/children/new'],
  ['rhi@demo.haven.test', '/'],
  ['rhi@demo.haven.test', '/children'],
  ['rhi@demo.haven.test', '/return-interviews'],
  ['rhi@demo.haven.test', '/return-interviews/demo-interview-05'],
  ['rhi@demo.haven.test', '/return-interviews/demo-interview-02/amend'],
  ['iro@demo.haven.test', '/return-interviews/demo-interview-02'],
  ['iro@demo.haven.test', '/return-interviews/demo-interview-02/police-summary'],
  ['manager@demo.haven.test', '/reports/return-interviews'],
  ['missing.lead@demo.haven.test', '/settings'],
  ['visitor@demo.haven.test', '/'],
  ['missing.lead@demo.haven.test', '/'],
  ['missing.lead@demo.haven.test', '/children/demo-child-27'],
  ['admin@demo.haven.test', '/'],
  ['admin@demo.haven.test', '/admin/users'],
  ['admin@demo.haven.test', '/admin/users/new'],
  ['admin@demo.haven.test', '/admin/users/demo-user-visitor'],
  ['admin@demo.haven.test', '/admin/audit?verify=1'],
  ['admin@demo.haven.test', '/admin/dispatcher'],
  ['manager@demo.haven.test', '/children/demo-child-01/access'],
  ['admin@demo.haven.test', '/admin/access?person=demo-user-care'],
  ['admin@demo.haven.test', '/admin/retention'],
  ['iro@demo.haven.test', '/alerts'],
  ['iro@demo.haven.test', '/notifications'],
  // issue #18: every reader of a child reads its alerts
  ['care.worker@demo.haven.test', '/alerts'],
  ['manager@demo.haven.test', '/alerts?status=resolved'],
  ['social.worker@demo.haven.test', '/children/demo-child-28'],
  ['iro@demo.haven.test', '/children/demo-child-01/chronology'],
  ['iro@demo.haven.test', '/children/demo-child-01/reviews'],
  ['manager@demo.haven.test', '/children/demo-child-05/missing-protocol'],
  ['care.worker@demo.haven.test', '/children/demo-child-05/missing-protocol/new'],
  // the protocol form as the registered manager: an e-mail field for each contact
  ['manager@demo.haven.test', '/children/demo-child-05/missing-protocol/new'],
  ['social.worker@demo.haven.test', '/children/demo-child-01/meetings'],
  ['social.worker@demo.haven.test', '/children/demo-child-01/meetings/referral'],
  ['social.worker@demo.haven.test', '/children/demo-child-01/meetings/demo-meeting-ellie'],
  ['missing.lead@demo.haven.test', '/reports/ssda903'],
  ['missing.lead@demo.haven.test', '/children/demo-child-01/return-details'],
  ['missing.lead@demo.haven.test', '/reports/ofsted'],
  ['manager@demo.haven.test', '/reports/ofsted'],
  ['manager@demo.haven.test', '/reports'],
  ['manager@demo.haven.test', '/reports/missing'],
  ['missing.lead@demo.haven.test', '/reports/missing?sex=MALE&ageBand=16-17'],
  ['manager@demo.haven.test', '/reports/missing?from=2026-02-30'],
  ['care.worker@demo.haven.test', '/children/demo-child-01/chronology?kind=return&from=2026-13-01'],
  ['manager@demo.haven.test', '/homes/demo-home-willow/notifiable-events'],
  ['manager@demo.haven.test', '/homes/demo-home-willow/notifiable-events?act=new'],
  ['manager@demo.haven.test', '/homes/demo-home-willow/notifiable-events?act=demo-reg40-aaliyah'],
  ['care.worker@demo.haven.test', '/episodes/demo-episode-15/notifiable-event'],
  ['rhi@demo.haven.test', '/return-interviews/demo-interview-05/notifiable-event'],
  ['manager@demo.haven.test', '/homes/demo-home-willow/oversight'],
  ['manager@demo.haven.test', '/homes/demo-home-willow/oversight?month=2000-99'],
  ['manager@demo.haven.test', '/homes/demo-home-willow/oversight/register'],
  ['manager@demo.haven.test', '/homes/demo-home-willow/oversight/register/demo-ip-willow-helen/end'],
  ['manager@demo.haven.test', '/homes/demo-home-willow/oversight/visits/new'],
  [
    'manager@demo.haven.test',
    `/homes/demo-home-willow/oversight/visits/demo-visit-willow-${addCalendarMonths(monthOf(londonDate(new Date())), -3)}`,
  ],
  ['manager@demo.haven.test', '/homes/demo-home-willow/oversight/reg45'],
  ['manager@demo.haven.test', '/homes/demo-home-willow/oversight/reg46'],
  ['manager@demo.haven.test', '/homes/demo-home-willow/oversight/pack'],
  ['ri@demo.haven.test', '/oversight'],
  ['missing.lead@demo.haven.test', '/oversight'],
  ['visitor@demo.haven.test', '/homes/demo-home-cedar/oversight/checklist'],
  ['visitor@demo.haven.test', '/homes/demo-home-cedar/oversight/visits/new'],
  ['visitor@demo.haven.test', '/oversight'],
  [null, '/sign-in/forgotten'],
  ['admin@demo.haven.test', '/admin/users/grants'],
  // sign-in with the organisation's account
  [null, '/sign-in/organisation'],
  [null, '/sign-in/organisation?refused=no-account'],
  ['admin@demo.haven.test', '/admin/sign-in'],
  ['admin@demo.haven.test', '/admin/sign-in/demo-la-west'],
]

async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze()
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
  expect(serious, label).toEqual([])
}

async function expectFitsWidth(page: Page, label: string) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow, `${label} is wider than the screen`).toBeLessThanOrEqual(0)
}

for (const [account, path] of PAGES) {
  test(`${path} as ${account ?? 'a visitor'}`, async ({ page }) => {
    if (account) await signIn(page, account)
    await page.goto(path)
    await expectAccessible(page, path)
    await page.setViewportSize({ width: 360, height: 740 })
    await expectFitsWidth(page, path)
    await expectAccessible(page, `${path} at 360 px`)
  })
}

test('the report and return forms showing errors are accessible too', async ({ page }) => {
  await signIn(page, 'care.worker@demo.haven.test')
  await page.goto('/children/demo-child-07/missing/new')
  await page.getByRole('button', { name: 'Report Jade missing' }).click()
  await expect(page.locator('.error-summary')).toBeVisible()
  await expectAccessible(page, 'report missing with errors')
  await page.goto('/episodes/demo-episode-15/return')
  await page.getByRole('button', { name: 'Add another place' }).click()
  await page.getByRole('button', { name: 'Record the return' }).click()
  await expect(page.locator('.error-summary')).toBeVisible()
  await expectAccessible(page, 'record the return with errors')
})

test('the visit form showing errors is accessible too', async ({ page }) => {
  await signIn(page, 'manager@demo.haven.test')
  await page.goto('/homes/demo-home-willow/oversight/visits/new')
  await page.getByRole('button', { name: 'Add a recommendation' }).click()
  await page.getByRole('button', { name: 'Record the visit' }).click()
  await expect(page.locator('.error-summary')).toBeVisible()
  await expectAccessible(page, 'record a visit with errors')
})

test('forms showing errors are accessible too', async ({ page }) => {
  await signIn(page, 'social.worker@demo.haven.test')
  await page.goto('/children/new')
  await page.getByRole('button', { name: 'Add child' }).click()
  await expect(page.locator('.error-summary')).toBeVisible()
  await expectAccessible(page, 'add a child with errors')
})

// nothing is saved: the demo home keeps its number for the other specs
test("the home's phone number refused: the error is tied to the field, and what was typed stays", async ({ page }) => {
  await signIn(page, 'manager@demo.haven.test')
  await page.goto('/homes/demo-home-willow')
  const field = page.getByLabel('The home’s phone number')
  await field.fill('0845 496 0123')
  await page.getByRole('button', { name: 'Save the phone number' }).click()
  await expect(page.locator('.error-summary')).toBeFocused()
  await expect(page.locator('.error-summary')).toContainText('Phone number: enter a number starting 01, 02, 03 or 07')
  await expect(field).toHaveValue('0845 496 0123')
  await expect(field).toHaveAttribute('aria-invalid', 'true')
  await expect(field).toHaveAttribute('aria-describedby', /f-phone-error/)
  await expectAccessible(page, 'the phone number with an error')
  await page.setViewportSize({ width: 360, height: 740 })
  await expectFitsWidth(page, 'the phone number with an error')
})

// alert ids are made when the server first looks for patterns, so open one from the list
test('an alert page as the IRO', async ({ page }) => {
  await signIn(page, 'iro@demo.haven.test')
  await page.goto('/alerts')
  await page.getByRole('link', { name: 'Repeat missing episodes' }).first().click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Repeat missing episodes')
  await expectAccessible(page, 'alert')
  await page.setViewportSize({ width: 360, height: 740 })
  await expectFitsWidth(page, 'alert')
  await expectAccessible(page, 'alert at 360 px')
})

test('the menu open on a phone, as the role with the most links', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 })
  await signIn(page, 'admin@demo.haven.test')
  await page.getByRole('button', { name: 'Menu' }).click()
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
  await expectFitsWidth(page, 'menu open')
  await expectAccessible(page, 'menu open at 360 px')
})
