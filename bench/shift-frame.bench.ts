// The frame on a 360 x 740 phone (issue #18): how high the site header stands (menu closed) on several pages as
// several roles, and how many key presses it takes to set the time of an event: "Now", "An hour ago", a typed time.
// Figures are printed, not asserted (see README).
import { expect, test } from '@playwright/test'
import { signIn } from '../e2e/helpers'

test.use({ viewport: { width: 360, height: 740 } })

const PAGES: [account: string, paths: string[]][] = [
  ['care.worker@demo.haven.test', ['/', '/children/demo-child-07', '/children/demo-child-07/missing/new']],
  ['social.worker@demo.haven.test', ['/', '/children/demo-child-01']],
  ['missing.lead@demo.haven.test', ['/', '/reports/missing']],
  ['admin@demo.haven.test', ['/', '/admin/users']],
]

test('header height at 360 x 740, menu closed', async ({ page }) => {
  const heights: Record<string, number> = {}
  for (const [account, paths] of PAGES) {
    await page.context().clearCookies()
    await signIn(page, account)
    for (const path of paths) {
      await page.goto(path)
      heights[`${account.split('@')[0]} ${path}`] = await page
        .locator('.site-header')
        .evaluate((el) => Math.round(el.getBoundingClientRect().height))
    }
  }
  const values = Object.values(heights)
  const result = { heights, max: Math.max(...values), screenShare: +(Math.max(...values) / 740).toFixed(3), target: 64 }
  console.log(`BENCH shift-frame header ${JSON.stringify(result)}`)
  test.info().annotations.push({ type: 'shift-frame header', description: JSON.stringify(result) })
})

test('key presses to set the time an event happened', async ({ page }) => {
  await signIn(page, 'care.worker@demo.haven.test')
  await page.goto('/children/demo-child-07/missing/new')
  const when = page.getByRole('group', { name: 'When were they last seen?' })
  const now = when.getByRole('button', { name: 'Now' })
  let keys = 0
  const press = async (key: string) => {
    keys++
    await page.keyboard.press(key)
  }
  /** Keys from the control before the field (as a person tabbing through the form arrives) until it is set. */
  const fromBefore = async (steps: () => Promise<void>) => {
    await now.focus()
    await page.keyboard.press('Shift+Tab')
    keys = 0
    await steps()
    return keys
  }
  const focusedName = () =>
    page.evaluate(() => document.activeElement?.textContent?.trim() || document.activeElement?.id)
  const tabUntil = async (wanted: string) => {
    for (let i = 0; i < 20 && (await focusedName()) !== wanted; i++) await press('Tab')
    expect(await focusedName()).toBe(wanted)
  }

  const setNow = await fromBefore(async () => {
    await tabUntil('Now')
    await press('Enter')
  })
  const setHourAgo = await fromBefore(async () => {
    await tabUntil('An hour ago')
    await press('Enter')
  })
  const typedTime = await fromBefore(async () => {
    await tabUntil('f-lastSeenAt')
    await page.keyboard.press('ControlOrMeta+a')
    for (const c of '14:05') await press(c)
  })
  await expect(when.getByLabel('Time')).toHaveValue('14:05')

  // the browser's own date-and-time box, as every form had it before: Tab presses to pass through it
  await page.evaluate(() => {
    const input = document.createElement('input')
    input.type = 'datetime-local'
    input.id = 'bench-datetime-local'
    document.querySelector('main')!.prepend(input)
  })
  await page.locator('#bench-datetime-local').focus()
  let tabs = 0
  while ((await page.evaluate(() => document.activeElement?.id)) === 'bench-datetime-local' && tabs < 20) {
    await page.keyboard.press('Tab')
    tabs++
  }
  const result = {
    keysForNow: setNow,
    keysForAnHourAgo: setHourAgo,
    keysForTypedTime: typedTime,
    tabsThroughOldDatetimeLocal: tabs,
  }
  console.log(`BENCH shift-frame date-time ${JSON.stringify(result)}`)
  test.info().annotations.push({ type: 'shift-frame date-time', description: JSON.stringify(result) })
})
