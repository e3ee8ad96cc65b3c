import { expect, test } from '@playwright/test'
import { errorSummary, signIn } from './helpers'

// Kyle Benson (demo-child-02): screened at risk 3 days ago, no safety plan yet
test('a safety plan made with the child’s words is written, warned about wording, and signed off by the manager', async ({
  page,
  browser,
}) => {
  await signIn(page, 'care.worker@demo.haven.test')
  await page.goto('/children/demo-child-02')
  await expect(page.getByText(/a signed-off safety plan is due by/)).toBeVisible()
  await page.getByRole('link', { name: 'Exploitation screening and safety plan' }).click()
  await page.getByRole('link', { name: 'Write the safety plan' }).click()

  await page.getByRole('button', { name: 'Save this version' }).click()
  await expect(errorSummary(page)).toContainText('Enter the places to check if they go missing')
  await page.getByLabel('Who (1)').fill('Jordan, key worker')
  await page.getByLabel('Does what (1)').fill('Talks with Kyle every evening about where he is going')
  await page.getByLabel('Places to check').fill('Riverside Park; Ashford Green bus station; 14 Canal Street')
  await page.getByLabel('People to call').fill('His nan (07700 900333), then the police on 101')
  await page
    .getByLabel("Kyle's own words (optional)")
    .fill('Tyler and me just go to the park. I will text Jordan. I know I am putting myself at risk.')
  // a warning, with a better phrase; it does not stop the save
  await expect(page.getByText('Consider the words: “putting myself at risk”')).toHaveCount(0) // first person: not the flagged pattern
  await page
    .getByLabel('Family and supporting adults engaged (optional)')
    .fill('Staff say he is putting himself at risk')
  await expect(page.getByText(/Consider the words: “putting himself at risk”/)).toBeVisible()
  await page.getByRole('group', { name: 'Does Kyle agree with the plan?' }).getByLabel('Partly').check()
  await page.getByRole('group', { name: 'Are the police involved?' }).getByLabel('No').check()
  await page.getByRole('button', { name: 'Save this version' }).click()
  await expect(page.getByText(/Version 1, written .* is waiting for sign-off/)).toBeVisible()
  await expect(page.getByRole('button', { name: /Sign off/ })).toHaveCount(0) // a care worker cannot sign off

  const context = await browser.newContext()
  const manager = await context.newPage()
  await signIn(manager, 'manager@demo.haven.test')
  await expect(manager.getByRole('region', { name: 'Child sexual exploitation: to act on' })).toContainText(
    'Kyle Benson',
  )
  await manager.goto('/children/demo-child-02/safety-plan/1')
  await expect(
    manager.getByText('Tyler and me just go to the park. I will text Jordan.', { exact: false }),
  ).toBeVisible()
  await manager.goto('/children/demo-child-02/cse')
  await manager.getByRole('button', { name: 'Sign off version 1' }).click()
  await expect(manager.getByText(/Version 1, about .*, signed off .* by Priya Shah/)).toBeVisible()
  await expect(manager.getByText(/safety plan is due by/)).toHaveCount(0)
  await context.close()
})

test('a screening suggests from the records, asks for a decision on each suggestion, and leaves the level to the professional', async ({
  page,
}) => {
  await signIn(page, 'care.worker@demo.haven.test')
  await page.goto('/children/demo-child-01/cse/screen') // Ellie Marsh: many episodes
  const fromRecords = page.getByRole('group', { name: /From Haven.s records/ })
  await expect(fromRecords).toContainText(/Missing or away \d+ times? in the last/)
  await page.getByLabel('Lack of age-appropriate friends').check()
  // one judgement per kind of exploitation
  for (const judgement of await page.getByRole('group', { name: /Your judgement/ }).all())
    await judgement.getByLabel('At risk', { exact: true }).check()
  await page.getByRole('button', { name: 'Save the screening' }).click()
  await expect(errorSummary(page)).toContainText('Say when it was observed')
  await page.getByLabel('When observed').selectOption('CURRENT')
  await page.getByRole('button', { name: 'Save the screening' }).click()
  await expect(errorSummary(page)).toContainText('Confirm or dismiss')
  await expect(page.getByLabel('Lack of age-appropriate friends')).toBeChecked() // nothing typed is lost
  for (const group of await fromRecords.getByRole('group').all()) await group.getByLabel('Confirm').check()
  await expect(page.getByRole('region', { name: 'What the tool suggests' })).toContainText(
    'Child sexual exploitation: Significant risk',
  )
  await page.getByRole('button', { name: 'Save the screening' }).click()
  await expect(errorSummary(page)).toContainText('Say why your judgement differs')
  for (const reason of await page.getByLabel(/Why your judgement differs from the suggestion/).all())
    await reason.fill('Several suggestions repeat the same two episodes')
  await page.getByRole('button', { name: 'Save the screening' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Exploitation: Ellie Marsh')
  await expect(
    page
      .getByText('(the tool suggested significant risk; judgement: Several suggestions repeat the same two episodes)')
      .first(),
  ).toBeVisible()
})

// Harvey Stone (demo-child-16), Cedar Lodge; Eastmere asks for radicalisation screening too
test('a boy is screened for criminal exploitation: its own signs, its own level, counted on the manager’s dashboard', async ({
  page,
  browser,
}) => {
  await signIn(page, 'kasia.wrona@demo.haven.test')
  await page.goto('/children/demo-child-16/cse/screen')
  const fromRecords = page.getByRole('group', { name: /From Haven.s records/ })
  if (await fromRecords.count())
    for (const group of await fromRecords.getByRole('group').all()) await group.getByLabel('Dismiss').check()
  await page.getByLabel(/Found in towns they have no link with/).check()
  await page.getByLabel('When observed').selectOption('CURRENT')
  await page.getByLabel(/Talks of a debt to others/).check()
  await page.getByLabel('When observed').nth(1).selectOption('CURRENT')
  const suggests = page.getByRole('region', { name: 'What the tool suggests' })
  await expect(suggests).toContainText('Child criminal exploitation, including county lines: Significant risk')
  await expect(suggests).toContainText('Child sexual exploitation: Not at risk')
  await expect(suggests).toContainText('The level is your professional judgement')
  await page.getByRole('button', { name: 'Save the screening' }).click()
  await expect(errorSummary(page)).toContainText('Select the level')
  for (const judgement of await page.getByRole('group', { name: /Your judgement/ }).all()) {
    const criminal = /criminal/.test((await judgement.locator('legend').textContent()) ?? '')
    await judgement.getByLabel(criminal ? 'Significant risk' : 'Not at risk', { exact: true }).check()
  }
  await page.getByRole('button', { name: 'Save the screening' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Exploitation: Harvey Stone')
  await expect(page.getByText('Radicalisation', { exact: true })).toBeVisible()
  await expect(
    page.locator('dl.summary div', { hasText: 'Child criminal exploitation, including county lines' }),
  ).toContainText('Significant risk')

  const context = await browser.newContext()
  const manager = await context.newPage()
  await signIn(manager, 'olu.bankole@demo.haven.test')
  // a reference panel, folded on the dashboard: one click opens it
  await manager.locator('summary', { hasText: 'Exploitation risk levels' }).click()
  await expect(manager.getByRole('region', { name: 'Exploitation risk levels by kind' })).toContainText(
    'Child criminal exploitation, including county lines',
  )
  await context.close()
})
