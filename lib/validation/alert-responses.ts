// What the API answers about pattern alerts, the inbox and a child's chronology, as zod schemas: the OpenAPI
// document is built from them and the API tests check every answer against it.
import { z } from 'zod'
import { nextReviewSchema } from './reviews'
import { CHRONOLOGY_KINDS, type ChronologyKind } from '@/lib/domain/chronology'
import { RULE_TITLES, type RuleCode } from '@/lib/domain/patterns'

const instant = z.iso.datetime()
const rule = z.enum(Object.keys(RULE_TITLES) as [RuleCode, ...RuleCode[]])
const status = z.enum(['OPEN', 'RESOLVED'])

export const alertSummarySchema = z.object({
  id: z.string(),
  rule,
  severity: z.string(),
  title: z.string(),
  summary: z.string(),
  status,
  openedAt: instant,
  updatedAt: instant,
  escalatedAt: instant.nullable().describe('when it was escalated, not acknowledged in time'),
  about: z.string().describe('what it is about, in words: the place, person or vehicle, or its children'),
  told: z.boolean().describe('whether you were told about it (only the people told acknowledge it)'),
  acknowledgedAt: instant.nullable(),
  children: z.array(z.object({ id: z.string(), name: z.string() })),
  otherChildren: z.number().int().describe('children outside your scope: counted, not named'),
})

/** A page of alerts (100 a page), with how many there are in all. */
export const alertListSchema = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pages: z.number().int(),
  alerts: z.array(alertSummarySchema),
})

export const alertViewSchema = z.object({
  id: z.string(),
  rule,
  title: z.string(),
  severity: z.string(),
  summary: z.string(),
  status,
  openedAt: instant,
  resolvedAt: instant.nullable(),
  resolutionReason: z.string().nullable(),
  escalatedAt: instant.nullable(),
  told: z.boolean().describe('whether you were told about it (only the people told acknowledge it)'),
  acknowledgedAt: instant.nullable(),
  children: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      isMine: z.boolean(),
      review: nextReviewSchema.nullable().describe("the child's next review, for the IRO"),
    }),
  ),
  otherChildren: z.number().int(),
  episodes: z.array(
    z.object({
      id: z.string(),
      child: z.string(),
      home: z.object({ name: z.string() }).nullable(),
      absenceType: z.enum(['MISSING', 'AWAY']),
      lastSeenAt: instant,
      lastSeenPlace: z.string(),
      returnedAt: instant.nullable(),
      locations: z.array(z.object({ role: z.enum(['FOUND', 'VISITED']), typedName: z.string().nullable() })),
    }),
  ),
  otherEpisodes: z.number().int(),
  facts: z.array(z.string()),
  recipients: z.array(
    z.object({ name: z.string(), reason: z.string(), notifiedAt: instant, acknowledgedAt: instant.nullable() }),
  ),
  otherRecipients: z.number().int(),
  meetings: z
    .array(z.object({ id: z.string(), child: z.string(), kindLabel: z.string(), heldOn: z.iso.date() }))
    .describe(
      'meetings about its children, newest first: POST …/resolve with meetingId resolves it by pointing to one',
    ),
  decisions: z.array(
    z.object({
      id: z.string(),
      alertId: z.string(),
      childId: z.string(),
      bringForward: z.boolean(),
      reviewDate: instant.nullable(),
      reason: z.string(),
      decidedAt: instant,
      decidedById: z.string(),
    }),
  ),
  events: z.array(
    z.object({
      id: z.string(),
      alertId: z.string(),
      at: instant,
      kind: z.string(),
      note: z.string().nullable(),
      byId: z.string().nullable(),
    }),
  ),
})

/** how many notifications "Mark all as read" marked */
export const markedReadSchema = z.object({ count: z.number().int() })

export const notificationListSchema = z.object({
  notifications: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      title: z.string(),
      body: z.string(),
      link: z.string(),
      createdAt: instant,
      readAt: instant.nullable(),
      deliveries: z.array(
        z.object({
          channel: z.enum(['IN_APP', 'EMAIL']),
          status: z.enum(['PENDING', 'SENDING', 'SENT', 'FAILED', 'SKIPPED']),
          sentAt: instant.nullable(),
        }),
      ),
    }),
  ),
})

export const chronologySchema = z.object({
  child: z.object({ id: z.string(), firstName: z.string(), lastName: z.string() }),
  entries: z.array(
    z.object({
      at: z.string().describe('an instant, or a date (YYYY-MM-DD) when dateOnly'),
      dateOnly: z.boolean(),
      kind: z.enum(Object.keys(CHRONOLOGY_KINDS) as [ChronologyKind, ...ChronologyKind[]]),
      title: z.string(),
      detail: z.string().nullable(),
      link: z.string().nullable().describe("the page it comes from, in Haven's web pages"),
    }),
  ),
  total: z.number().int(),
})
