import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  addWorkingDays,
  bankHolidayDataWarning,
  bankHolidaysKnownUntil,
  monthsOfBankHolidaysLeft,
  type BankHolidayData,
} from '@/lib/domain/bank-holidays'
import { bankHolidayDataFrom, updateBankHolidays } from '@/scripts/update-bank-holidays'

// GOV.UK's document in its published shape (three divisions; Haven keeps England and Wales).
const govUk = (dates: string[]) => ({
  'england-and-wales': {
    division: 'england-and-wales',
    events: dates.map((date) => ({ title: 'A bank holiday', date, notes: '', bunting: true })),
  },
  scotland: {
    division: 'scotland',
    events: [{ title: 'St Andrew’s Day', date: '2029-11-30', notes: '', bunting: true }],
  },
  'northern-ireland': { division: 'northern-ireland', events: [] },
})

describe("the vendored bank holidays don't run out unnoticed", () => {
  it('hold at least 6 more months of bank holidays (this test fails 6 months before they run out: update them)', () => {
    const today = new Date().toISOString().slice(0, 10)
    const left = monthsOfBankHolidaysLeft(today)
    const warning = bankHolidayDataWarning(today)
    if (warning) console.warn(warning) // from 12 months before the end
    expect(
      left,
      `bank holidays known until ${bankHolidaysKnownUntil()}: run npm run bank-holidays:update`,
    ).toBeGreaterThanOrEqual(6)
  })

  it('warn from 12 months before the end, and not before', () => {
    const data: BankHolidayData = {
      source: 'test',
      division: 'england-and-wales',
      updatedOn: '2026-01-05',
      events: [{ title: 'Boxing Day', date: '2028-12-26', notes: '' }],
    }
    expect(bankHolidaysKnownUntil(data)).toBe('2028-12-31')
    expect(monthsOfBankHolidaysLeft('2027-12-31', data)).toBe(12)
    expect(bankHolidayDataWarning('2027-12-31', data)).toBeNull()
    expect(bankHolidayDataWarning('2028-01-01', data)).toMatch(/end on 2028-12-31 .*npm run bank-holidays:update/)
    expect(monthsOfBankHolidaysLeft('2028-07-01', data)).toBe(5)
  })

  it('count the substitute days GOV.UK lists (Boxing Day 2026 falls on a Saturday)', () => {
    expect(addWorkingDays('2026-12-24', 1)).toBe('2026-12-29')
  })
})

describe('npm run bank-holidays:update', () => {
  const tempFile = (data: BankHolidayData) => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'haven-bh-')), 'bank-holidays.json')
    fs.writeFileSync(file, JSON.stringify(data))
    return file
  }
  const current: BankHolidayData = {
    source: 'test',
    division: 'england-and-wales',
    updatedOn: '2026-01-05',
    events: [{ title: 'Boxing Day', date: '2028-12-26', notes: '' }],
  }

  it("writes England and Wales's dates in order, with the day it was updated", () => {
    const file = tempFile(current)
    updateBankHolidays(govUk(['2029-12-25', '2029-01-01', '2028-12-26']), '2026-12-03', file)
    const written = JSON.parse(fs.readFileSync(file, 'utf8')) as BankHolidayData
    expect(written.updatedOn).toBe('2026-12-03')
    expect(written.events.map((e) => e.date)).toEqual(['2028-12-26', '2029-01-01', '2029-12-25'])
    expect(bankHolidaysKnownUntil(written)).toBe('2029-12-31')
  })

  it('refuses a document that is not GOV.UK’s, and data that would end sooner, leaving the file as it was', () => {
    const file = tempFile(current)
    expect(() => bankHolidayDataFrom({ events: [] }, '2026-12-03')).toThrow(/not GOV.UK's bank holidays document/)
    expect(() => updateBankHolidays(govUk(['2027-12-27']), '2026-12-03', file)).toThrow(/ends on 2027-12-31, before/)
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(current)
  })
})
