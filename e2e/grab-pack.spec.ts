import { expect, test } from '@playwright/test'
import { errorSummary, signIn } from './helpers'

// a 1x1 PNG
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)

test('a grab pack is filled in with a photo; a file that is not an image is refused by name and nothing typed is lost', async ({
  page,
}) => {
  await signIn(page, 'care.worker@demo.haven.test')
  await page.goto('/children/demo-child-02/grab-pack') // Kyle Benson: no grab pack yet
  await expect(page.getByText('There is no grab pack for Kyle yet')).toBeVisible()
  await page.getByLabel('Description').fill('White British boy, 5ft 7, short fair hair, blue eyes')
  await page.getByLabel('Places they go (optional)').fill('Riverside Park; Ashford Green bus station')
  await page
    .getByLabel('Recent photo (optional)')
    .setInputFiles({ name: 'kyle.png', mimeType: 'image/png', buffer: Buffer.from('this is not a picture') })
  await page.getByRole('button', { name: 'Save the grab pack' }).click()
  await expect(errorSummary(page)).toContainText('The photo must be a JPEG, PNG or WebP image')
  await expect(page.getByLabel('Description')).toHaveValue('White British boy, 5ft 7, short fair hair, blue eyes')

  await page
    .getByLabel('Recent photo (optional)')
    .setInputFiles({ name: 'kyle.png', mimeType: 'image/png', buffer: PNG })
  await page.getByRole('button', { name: 'Save the grab pack' }).click()
  await expect(page.getByRole('status')).toContainText('Saved as version 1')
  const photo = page.getByRole('img', { name: 'Photo of Kyle Benson' })
  await expect(photo).toBeVisible()
  // it loads: served to Kyle's home
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1)

  // the photo is not there for someone who cannot see Kyle
  const src = await photo.getAttribute('src')
  await page.getByRole('button', { name: 'Sign out' }).click()
  await signIn(page, 'olu.bankole@demo.haven.test') // Cedar Court's manager
  expect((await page.request.get(src!)).status()).toBe(404)
})
