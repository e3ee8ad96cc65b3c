// The episode page on shift: the next action for the person's role at the top, "went with" confirmed and undone,
// and a message after each saved action that takes focus.
import { expect, test } from '@playwright/test'
import { signIn } from './helpers'

test('the manager finds "Review and close" at the top of a returned episode, at 360 px too', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 })
  await signIn(page, 'manager@demo.haven.test')
  await page.goto('/episodes/demo-episode-05') // returned, waiting for the manager's review
  const next = page.getByRole('region', { name: 'What to do next' })
  const review = next.getByRole('link', { name: 'Review and close' })
  await expect(review).toBeInViewport()
  await review.click()
  await expect(page.getByRole('form', { name: 'Review and close' }).getByLabel('Your review')).toBeInViewport()
})

test('the care worker finds "record the return" at the top of an open episode', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 })
  await signIn(page, 'care.worker@demo.haven.test')
  await page.goto('/episodes/demo-episode-15') // Shannon Doyle, missing now
  const next = page.getByRole('region', { name: 'What to do next' })
  await expect(next.getByRole('link', { name: 'Shannon is back: record the return' })).toBeInViewport()
  await expect(next.getByRole('link', { name: /Add a call/ })).toBeVisible()
})

test('"went with": reported missing too, undone after all, then linked again after confirming', async ({ page }) => {
  await signIn(page, 'care.worker@demo.haven.test')
  await page.goto('/episodes/demo-episode-15') // Shannon Doyle, missing now
  const choice = page.getByRole('form', { name: 'Did another child go too?' })
  await choice.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByRole('region', { name: 'Went with' }).getByRole('alert')).toContainText(
    'Select the child who went with them',
  )
  await choice
    .getByLabel('Did another child from Willow House go too?')
    .selectOption({ label: 'Kyle Benson: not reported missing: report them too' })
  await choice.getByRole('button', { name: 'Continue' }).click()
  await page.getByLabel('Yes: away without authorisation').check()
  await page.getByRole('group', { name: 'Have the police been told?' }).getByLabel('Not yet').check()
  await page.getByRole('button', { name: 'Report Kyle missing' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Kyle Benson')

  // linked by mistake: undone, and the timeline keeps both
  const wentWith = page.getByRole('region', { name: 'Went with' })
  await wentWith.getByRole('button', { name: 'Undo: Shannon Doyle did not go with them' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Undone: Shannon Doyle' })).toBeFocused()
  await expect(wentWith.getByRole('link', { name: 'Shannon Doyle' })).toHaveCount(0)
  const timeline = page.getByRole('list', { name: 'Timeline' })
  await expect(timeline).toContainText('Went with Shannon Doyle')
  await expect(timeline).toContainText('Corrected: did not go with Shannon Doyle')

  // linked again, after saying yes
  await wentWith
    .getByLabel('Did another child from Willow House go too?')
    .selectOption({ label: 'Shannon Doyle: missing at the same time' })
  await wentWith.getByRole('button', { name: 'Continue' }).click()
  await wentWith.getByRole('button', { name: 'Cancel' }).click()
  await expect(wentWith.getByRole('link', { name: 'Shannon Doyle' })).toHaveCount(0)
  await wentWith
    .getByLabel('Did another child from Willow House go too?')
    .selectOption({ label: 'Shannon Doyle: missing at the same time' })
  await wentWith.getByRole('button', { name: 'Continue' }).click()
  await wentWith.getByRole('button', { name: 'Yes, Shannon Doyle went with them' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Recorded: Shannon Doyle went with Kyle' })).toBeFocused()
  await expect(wentWith.getByRole('link', { name: 'Shannon Doyle' })).toBeVisible()
})
