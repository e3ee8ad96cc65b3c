import { describe, expect, it } from 'vitest'
import {
  checkOutcome,
  interviewDueAt,
  interviewStatus,
  timeliness,
  type InterviewState,
} from '@/lib/domain/return-interviews'
import { formatDateTime } from '@/lib/domain/time'

const t = (iso: string) => new Date(iso)

describe('the 72-hour deadline', () => {
  it('is 72 hours of elapsed time after the return', () => {
    expect(interviewDueAt(t('2026-11-20T10:00:00Z'), 72)).toEqual(t('2026-11-23T10:00:00Z'))
  })
  it('keeps 72 real hours across the clocks going back: the wall-clock deadline moves an hour earlier', () => {
    const returned = t('2026-10-24T09:00:00Z') // 10:00 BST on Saturday
    const due = interviewDueAt(returned, 72)
    expect(due.getTime() - returned.getTime()).toBe(72 * 3_600_000)
    expect(formatDateTime(due)).toBe('27 Oct 2026, 09:00') // 09:00 GMT on Tuesday
  })
  it('and across the clocks going forward: an hour later on the wall clock', () => {
    expect(formatDateTime(interviewDueAt(t('2026-03-28T10:00:00Z'), 72))).toBe('31 Mar 2026, 11:00') // 10:00 GMT -> 11:00 BST
  })
})

describe('interview status', () => {
  const due = t('2026-11-23T10:00:00Z')
  const open: InterviewState = { dueAt: due, offeredAt: null, outcome: null, heldAt: null }
  it('is due, then due soon in the last 24 hours, then overdue', () => {
    expect(interviewStatus(open, t('2026-11-21T09:00:00Z'), 24)).toBe('due')
    expect(interviewStatus(open, t('2026-11-22T10:00:00Z'), 24)).toBe('due-soon')
    expect(interviewStatus(open, t('2026-11-23T10:00:01Z'), 24)).toBe('overdue')
  })
  it('is held on time up to the deadline itself, and late after it', () => {
    expect(interviewStatus({ ...open, outcome: 'HELD', heldAt: due }, t('2026-12-01T00:00:00Z'), 24)).toBe('held')
    expect(
      interviewStatus({ ...open, outcome: 'HELD', heldAt: t('2026-11-23T10:01:00Z') }, t('2026-12-01T00:00:00Z'), 24),
    ).toBe('held-late')
  })
})

describe('recording the outcome', () => {
  const context = {
    returnedAt: t('2026-11-20T10:00:00Z'),
    providerName: 'Brightpath Care Ltd',
    now: t('2026-11-26T12:00:00Z'),
  }
  const held = {
    outcome: 'HELD' as const,
    offeredAt: t('2026-11-20T12:00:00Z'),
    heldAt: t('2026-11-21T15:00:00Z'),
    interviewerOrganisation: 'Safe Routes',
    independenceDeclared: true,
    childChoseTrustedAdult: false,
    trustedAdult: null,
  }
  it('accepts an independent interviewer after the return', () => {
    expect(checkOutcome(held, context)).toEqual({})
  })
  it('refuses an interview held before the return, or an offer before it', () => {
    expect(checkOutcome({ ...held, heldAt: t('2026-11-20T09:00:00Z') }, context).heldAt).toMatch(
      /before the child came back/,
    )
    expect(checkOutcome({ ...held, offeredAt: t('2026-11-19T09:00:00Z') }, context).offeredAt).toMatch(
      /before the child came back/,
    )
  })
  it('refuses an interview held before it was offered', () => {
    expect(checkOutcome({ ...held, offeredAt: t('2026-11-21T16:00:00Z') }, context).heldAt).toBe(
      'The interview cannot be held before it was offered (21 Nov 2026, 16:00)',
    )
  })
  it('refuses someone not declared independent, or employed by the home’s provider, unless the child chose them', () => {
    expect(checkOutcome({ ...held, independenceDeclared: false }, context)).toHaveProperty('independenceDeclared')
    expect(
      checkOutcome({ ...held, interviewerOrganisation: 'Brightpath Care' }, context).interviewerOrganisation,
    ).toMatch(/not independent/)
    expect(
      checkOutcome(
        {
          ...held,
          interviewerOrganisation: 'Brightpath Care',
          independenceDeclared: false,
          childChoseTrustedAdult: true,
          trustedAdult: 'Sam, her key worker',
        },
        context,
      ),
    ).toEqual({})
    expect(checkOutcome({ ...held, childChoseTrustedAdult: true }, context)).toHaveProperty('trustedAdult')
  })
  it('refuses the child’s social worker or the home’s staff as the independent interviewer, however the name is typed, unless the child chose them', () => {
    const carePeople = [
      { name: 'Sam Whitfield', role: 'the child’s social worker' },
      { name: 'Jordan Ellis', role: 'a care worker at Willow House' },
    ]
    const withCarers = { ...context, carePeople }
    expect(
      checkOutcome(
        { ...held, interviewerName: 'Sam Whitfield', interviewerOrganisation: 'Eastmere children’s services' },
        withCarers,
      ).interviewerName,
    ).toBe(
      'Sam Whitfield is the child’s social worker, so not independent of the child’s care: record the child’s choice of a trusted adult if they chose them',
    )
    expect(checkOutcome({ ...held, interviewerName: '  jordan   ELLIS ' }, withCarers).interviewerName).toMatch(
      /care worker at Willow House/,
    )
    expect(checkOutcome({ ...held, interviewerName: 'samwhitfield' }, withCarers)).toHaveProperty('interviewerName')
    expect(checkOutcome({ ...held, interviewerName: 'Amira Haddad' }, withCarers)).toEqual({})
    expect(
      checkOutcome(
        {
          ...held,
          interviewerName: 'Sam Whitfield',
          independenceDeclared: false,
          childChoseTrustedAdult: true,
          trustedAdult: 'Her social worker, whom she asked for',
        },
        withCarers,
      ),
    ).toEqual({})
  })
})

describe('timeliness figures', () => {
  const now = t('2026-11-26T12:00:00Z')
  const due = t('2026-11-20T10:00:00Z')
  it('count held within 72 hours, late, declined, not offered (including overdue and never offered) and outstanding', () => {
    const row = timeliness(
      [
        { dueAt: due, offeredAt: t('2026-11-18T10:00:00Z'), outcome: 'HELD', heldAt: t('2026-11-19T10:00:00Z') },
        { dueAt: due, offeredAt: t('2026-11-18T10:00:00Z'), outcome: 'HELD', heldAt: t('2026-11-21T10:00:00Z') },
        { dueAt: due, offeredAt: t('2026-11-18T10:00:00Z'), outcome: 'DECLINED', heldAt: null },
        { dueAt: due, offeredAt: null, outcome: 'NOT_OFFERED', heldAt: null },
        { dueAt: due, offeredAt: null, outcome: null, heldAt: null },
        { dueAt: t('2026-11-28T10:00:00Z'), offeredAt: null, outcome: null, heldAt: null },
      ],
      now,
      24,
    )
    expect(row).toEqual({
      returned: 6,
      offered: 3,
      heldWithin72h: 1,
      heldLate: 1,
      declined: 1,
      notAvailable: 0,
      notOffered: 2,
      outstanding: 1,
      heldWithin72hPercent: 16.7,
    })
  })
})
