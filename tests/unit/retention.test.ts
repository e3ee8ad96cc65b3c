import { describe, expect, it } from 'vitest'
import { caseRecordsKeptUntil, retentionSchedule } from '@/lib/domain/retention'

describe("a child's case records (CHR 2015 reg 36(2))", () => {
  it('are kept until the 75th birthday; 15 years from a death before 18', () => {
    expect(caseRecordsKeptUntil('2010-05-04')).toBe('2085-05-04')
    expect(caseRecordsKeptUntil('2010-05-04', '2025-01-10')).toBe('2040-01-10')
    // a death at 18 or later: the 75 years from birth still apply
    expect(caseRecordsKeptUntil('2000-05-04', '2020-01-10')).toBe('2075-05-04')
  })

  it('the schedule names its source and the sign-in setting', () => {
    const schedule = retentionSchedule(90)
    expect(schedule.find((r) => r.rule === 'child-case-records')?.source).toMatch(/reg 36\(2\)/)
    expect(schedule.find((r) => r.rule === 'sign-in-records')?.keptFor).toMatch(/^90 days/)
  })
})
