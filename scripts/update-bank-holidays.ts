// Refreshes lib/domain/bank-holidays.json from GOV.UK's bank holidays document (England and Wales).
//   npm run bank-holidays:update                 fetches https://www.gov.uk/bank-holidays.json
//   npm run bank-holidays:update -- <file.json>  reads a copy saved by hand (for a machine without internet access)
// Refuses a document that is not GOV.UK's, or that would end earlier than the data Haven already has.
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { z } from 'zod'
import { bankHolidaysKnownUntil, type BankHolidayData } from '@/lib/domain/bank-holidays'

export const GOV_UK_BANK_HOLIDAYS = 'https://www.gov.uk/bank-holidays.json'
export const VENDORED_FILE = path.resolve(import.meta.dirname, '../lib/domain/bank-holidays.json')

const govUkDocument = z.object({
  'england-and-wales': z.object({
    division: z.literal('england-and-wales'),
    events: z
      .array(
        z.object({ title: z.string(), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), notes: z.string().default('') }),
      )
      .min(1),
  }),
})

/** Haven's vendored data from GOV.UK's document; throws (naming what is wrong) if it is not that document. */
export function bankHolidayDataFrom(
  document: unknown,
  updatedOn: string,
  source = GOV_UK_BANK_HOLIDAYS,
): BankHolidayData {
  const parsed = govUkDocument.safeParse(document)
  if (!parsed.success) throw new Error(`This is not GOV.UK's bank holidays document: ${z.prettifyError(parsed.error)}`)
  const events = parsed.data['england-and-wales'].events.map(({ title, date, notes }) => ({ title, date, notes }))
  return {
    source,
    division: 'england-and-wales',
    updatedOn,
    events: events.sort((a, b) => a.date.localeCompare(b.date)),
  }
}

/** Writes the new data over the vendored file, unless it would cover less than the file already does. */
export function updateBankHolidays(
  document: unknown,
  today: string,
  file = VENDORED_FILE,
  source = GOV_UK_BANK_HOLIDAYS,
) {
  const next = bankHolidayDataFrom(document, today, source)
  const current = JSON.parse(fs.readFileSync(file, 'utf8')) as BankHolidayData
  if (bankHolidaysKnownUntil(next) < bankHolidaysKnownUntil(current))
    throw new Error(
      `The new data ends on ${bankHolidaysKnownUntil(next)}, before the data Haven has (${bankHolidaysKnownUntil(current)}): not written.`,
    )
  fs.writeFileSync(file, JSON.stringify(next, null, 2) + '\n')
  return next
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const from = process.argv[2]
  const document = from ? JSON.parse(fs.readFileSync(from, 'utf8')) : await (await fetch(GOV_UK_BANK_HOLIDAYS)).json()
  const today = new Date().toISOString().slice(0, 10)
  const data = updateBankHolidays(
    document,
    today,
    VENDORED_FILE,
    from ? `${GOV_UK_BANK_HOLIDAYS} (saved copy)` : GOV_UK_BANK_HOLIDAYS,
  )
  console.log(`Bank holidays updated: ${data.events.length} dates, known until ${bankHolidaysKnownUntil(data)}.`)
}
