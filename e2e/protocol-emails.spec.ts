import { expect, test } from '@playwright/test'
import { signIn } from './helpers'

// Shannon Doyle (demo-episode-15, missing now): her protocol's emergency duty team address was e-mailed by Haven
// when she was reported (the demo data reports it sent). Read only: no other spec's data is changed.
test("the protocol's e-mail address is listed as told by e-mail through Haven, with its delivery", async ({ page }) => {
  await signIn(page, 'care.worker@demo.haven.test')
  await page.goto('/episodes/demo-episode-15')
  const protocol = page.getByRole('region', { name: "Shannon's missing protocol" })
  await expect(protocol).toContainText(
    /The emergency duty team \(out of hours\), Out of hours 0300 555 0101, edt@northshire-council\.example: told .* by e-mail through Haven \(e-mail sent\)/,
  )
  const told = page.getByRole('region', { name: 'Who was told' })
  await expect(told).toContainText(
    /The emergency duty team \(out of hours\); by e-mail through Haven to edt@northshire-council\.example, .*, by Haven automatically \(e-mail sent\)/,
  )
  await expect(told).toContainText(/ring the home with the reference M-[0-9A-Z]{8}/)
})
