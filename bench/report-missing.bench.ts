// How long a care worker who knows the form takes to report a child missing, using only the keyboard on a phone-sized
// screen: from the child's page to the episode page, and from the dashboard with the fewest keys (issue #18: at most
// 20). The browser is driven key by key; the human time adds what a
// person needs: typing speed and a pause to read each question. Figures are printed, not asserted (see README).
import { expect, test, type Page } from '@playwright/test'
import { signIn } from '../e2e/helpers'

const TYPING_MS_PER_CHARACTER = 300 // about 40 words a minute, thumbs on a phone
const READING_MS_PER_QUESTION = 1500
const MS_PER_OTHER_KEY = 250 // Tab, Space, Enter, arrows

test.use({ viewport: { width: 360, height: 740 } })

test('report a child missing with the keyboard, at 360 px', async ({ page }) => {
  await signIn(page, 'care.worker@demo.haven.test')
  await page.goto('/children/demo-child-07') // Jade Pearson, Willow House: not missing in the demo data
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jade Pearson')

  let keys = 0
  let typed = 0
  let questions = 0
  const press = async (key: string) => {
    keys++
    await page.keyboard.press(key)
  }
  const type = async (text: string) => {
    typed += text.length
    await page.keyboard.type(text)
  }
  const focusedLabel = (p: Page) =>
    p.evaluate(() => {
      const el = document.activeElement as HTMLElement | null
      if (!el) return ''
      const id = el.getAttribute('id')
      const label = id ? document.querySelector(`label[for="${id}"]`)?.textContent : null
      return (label ?? el.getAttribute('aria-label') ?? el.textContent ?? '').trim()
    })
  const tabTo = async (label: RegExp) => {
    for (let i = 0; i < 40; i++) {
      await press('Tab')
      if (label.test(await focusedLabel(page))) return
    }
    throw new Error(`never reached ${label}`)
  }

  const started = Date.now()
  await tabTo(/^Report Jade missing$/)
  await press('Enter')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Report Jade Pearson missing')

  questions++ // Do you know where Jade is?
  await tabTo(/^No: missing/)
  await press('Space')
  questions++ // have the police been told?
  await tabTo(/^Yes$/)
  await press('Space')
  questions++
  await tabTo(/^Police reference/)
  await type('NP-26-1234')
  questions++ // when last seen: the default (now) is right
  questions++ // where last seen: the default (the home) is right
  questions++
  await tabTo(/^Who were they with/)
  await type('Kyle and an older lad in a silver car')
  questions++
  await tabTo(/^What were they wearing/)
  await type('Black puffer jacket, grey joggers, white trainers')
  await tabTo(/^Report Jade missing$/)
  await press('Enter')
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Jade Pearson: missing since')
  const machineMs = Date.now() - started

  const humanMs =
    machineMs + typed * TYPING_MS_PER_CHARACTER + keys * MS_PER_OTHER_KEY + questions * READING_MS_PER_QUESTION
  const result = {
    keysPressed: keys,
    charactersTyped: typed,
    questions,
    machineSeconds: +(machineMs / 1000).toFixed(1),
    humanSecondsEstimate: +(humanMs / 1000).toFixed(1),
    targetSeconds: 60,
  }
  console.log(`BENCH report-missing ${JSON.stringify(result)}`)
  test.info().annotations.push({ type: 'report-missing', description: JSON.stringify(result) })
})

test('report a child missing from the dashboard, keyboard only, at 360 px', async ({ page }) => {
  await signIn(page, 'care.worker@demo.haven.test')
  await page.goto('/') // Mohammed Iqbal, Willow House (the test above reported Jade missing)
  let keys = 0
  const press = async (key: string) => {
    keys++
    await page.keyboard.press(key)
  }
  const focused = () => page.evaluate(() => (document.activeElement?.textContent ?? '').trim())
  const started = Date.now()
  await press('Tab') // "Skip to main content"
  await press('Enter')
  for (let i = 0; i < 40 && (await focused()) !== 'Report Mohammed missing'; i++) await press('Tab')
  await press('Enter')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Report Mohammed Iqbal missing')
  // the two questions that need an answer come first; the defaults (now, the home) stand
  for (let i = 0; i < 10 && !/^No: missing/.test(await focusedLabel(page)); i++) await press('Tab')
  await press('Space')
  await press('Tab') // the police question's first answer, "Yes"
  await press('ArrowRight') // "Not yet"
  await expect(page.getByLabel('Not yet')).toBeChecked()
  await press('Enter') // sends the form
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Mohammed Iqbal: missing since')
  const result = { keysPressed: keys, machineSeconds: +((Date.now() - started) / 1000).toFixed(1), targetKeys: 20 }
  console.log(`BENCH report-missing-from-dashboard ${JSON.stringify(result)}`)
  test.info().annotations.push({ type: 'report-missing-from-dashboard', description: JSON.stringify(result) })
})

const focusedLabel = (p: Page) =>
  p.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el) return ''
    const id = el.getAttribute('id')
    const label = id ? document.querySelector(`label[for="${id}"]`)?.textContent : null
    return (label ?? el.getAttribute('aria-label') ?? el.textContent ?? '').trim()
  })
