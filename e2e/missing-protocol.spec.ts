import { expect, test } from '@playwright/test'
import { errorSummary, signIn } from './helpers'

// Tyler Hopkins (demo-child-04): at Willow House, no missing protocol and no open episode in the demo data
const TYLER = 'demo-child-04'

test('a missing protocol is written, followed step by step during an episode, and the police told later', async ({
  page,
  browser,
}) => {
  await signIn(page, 'care.worker@demo.haven.test')
  const managerContext = await browser.newContext()
  const manager = await managerContext.newPage()
  await signIn(manager, 'manager@demo.haven.test')
  await expect(manager.getByRole('region', { name: 'Children without a current missing protocol' })).toContainText(
    'Tyler Hopkins',
  )

  await page.goto(`/children/${TYLER}`)
  await page.getByRole('link', { name: /^Missing protocol/ }).click()
  await page.getByRole('link', { name: 'Write the missing protocol' }).click()
  await page.getByLabel('What counts as missing for Tyler').fill('Not back 30 minutes after his agreed time')
  await page.getByRole('button', { name: 'Save this version' }).click()
  await expect(errorSummary(page)).toContainText('Enter when to call the police at once')
  // what was typed survives the failed submit
  await expect(page.getByLabel('What counts as missing for Tyler')).toHaveValue(
    'Not back 30 minutes after his agreed time',
  )
  await page.getByLabel('Call the police at once if').fill('He is seen getting into a car')
  await page.getByLabel('Where to look first').fill('The skate park on Mill Lane')
  await page.getByLabel('What Tyler wants to happen').fill('Text me first')
  await page.getByLabel('Step 1').fill('Ring and text his phone')
  await page.getByRole('button', { name: 'Add a step' }).click()
  await page.getByLabel('Step 2').fill('Check the skate park')
  // the emergency duty team, whom Haven e-mails itself once the protocol is agreed and signed off
  await page.getByRole('button', { name: 'Add someone to tell' }).click()
  await page.getByLabel('Who (4)').selectOption('EMERGENCY_DUTY_TEAM')
  const edtEmail = page.getByLabel('E-mail for Haven to tell them (4, optional)')
  await edtEmail.fill('edt at northshire')
  await page.getByRole('button', { name: 'Save this version' }).click()
  await expect(errorSummary(page)).toContainText('Enter an e-mail address in the right format')
  await expect(edtEmail).toHaveValue('edt at northshire')
  await edtEmail.fill('edt@northshire-council.example')
  // a known place becomes one of Haven's records, linked from the protocol
  await page.getByRole('button', { name: 'Add a place, person or vehicle' }).click()
  await page.getByLabel('Name of the place (1)').fill('Mill Lane skate park')
  await page.getByRole('button', { name: 'Save this version' }).click()
  await expect(page.getByRole('heading', { name: 'Version 1' })).toBeVisible()
  await expect(page.getByText(/Haven e-mails edt@northshire-council\.example when/)).toBeVisible()

  await manager.goto(`/children/${TYLER}/missing-protocol`)
  await manager.getByRole('button', { name: 'Sign off version 1' }).click()
  await expect(manager.getByText(/Signed off by/)).toBeVisible()

  // Tyler goes missing; the police are not told at first
  await page.goto(`/children/${TYLER}`)
  await page.getByRole('link', { name: /^Report .* missing$/ }).click()
  await page.getByLabel('No: missing').check()
  await page.getByRole('group', { name: 'Have the police been told?' }).getByLabel('No').check()
  await page.getByRole('button', { name: /^Report .* missing$/ }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('missing since')
  await expect(page.getByText('Not told yet')).toBeVisible()

  // the protocol's steps are on the episode page at once
  const steps = page.getByRole('region', { name: "Tyler's missing protocol" })
  await expect(steps).toContainText('Ring and text his phone')
  // signed off but not agreed by his social worker yet: Haven does not e-mail the address, staff tell them
  await expect(steps).toContainText(/edt@northshire-council\.example: not yet/)
  await steps.getByRole('button', { name: 'Done (step 1)' }).click()
  await expect(steps).toContainText(/Ring and text his phone: done .* by Jordan Ellis/)
  const episodeUrl = page.url()
  await steps.getByRole('link', { name: 'Mill Lane skate park' }).click()
  await expect(page).toHaveURL(/\/places#location-/)
  await expect(page.getByRole('row', { name: /Mill Lane skate park/ })).toBeVisible()
  await page.goto(episodeUrl)

  // the police told later: the episode shows it; the report's answer stays in the chronology
  await page.getByText('Record someone told').click()
  await page.getByLabel('Who was told?').selectOption('POLICE')
  await page.getByLabel('Police force').fill('Northshire Police')
  await page.getByLabel('Police reference (optional)').fill('NP-26-7777')
  await page.getByRole('button', { name: 'Record who was told' }).click()
  await expect(page.getByRole('region', { name: 'Who was told' })).toContainText('The police: Northshire Police')
  await expect(page.getByText(/Told .*, Northshire Police, reference NP-26-7777/)).toBeVisible()
  await page.goto(`/children/${TYLER}/chronology`)
  // Tyler's earlier episodes show theirs too: the newest entry is this one
  await expect(page.getByText('police not told yet when reported').first()).toBeVisible()
  await expect(page.getByText('Told: The police')).toBeVisible()
  await managerContext.close()
})
