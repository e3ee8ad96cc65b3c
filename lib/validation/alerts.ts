import { z } from 'zod'
import { momentField, optionalDate, optionalId, optionalText, pageField, requiredId, yesNo } from './fields'

export const decisionSchema = z
  .object({
    childId: requiredId('Select the child'),
    bringForward: yesNo('Say whether you will bring the review forward'),
    reviewDate: optionalDate('the new review date'),
    reason: optionalText('the reason', 2000),
  })
  .superRefine((d, ctx) => {
    if (d.bringForward && !d.reviewDate)
      ctx.addIssue({ code: 'custom', path: ['reviewDate'], message: 'Enter the date the review is brought forward to' })
    if (!d.bringForward && !d.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Say why the review is not being brought forward' })
  })

export const alertListQuerySchema = z.object({
  status: z.enum(['OPEN', 'RESOLVED'], { error: 'status is OPEN or RESOLVED' }).optional(),
  page: pageField,
})

/** A reason, or the meeting that dealt with it (its kind and date become the reason). */
export const resolveSchema = z
  .object({
    reason: optionalText('why the alert can be resolved', 2000),
    meetingId: optionalId('Choose a meeting from the list'),
  })
  .refine((r) => r.reason || r.meetingId, { path: ['reason'], message: 'Enter why the alert can be resolved' })

export const areaNoticeSchema = z.object({
  areaNotifiedOn: optionalDate('the date the area authority was told'),
  atDistance: z.boolean().default(false),
  directorApprovedOn: optionalDate('the date of the director’s approval'),
  areaConsultedOn: optionalDate('the date the area authority was consulted'),
})

/** "Mark all as read" up to the newest notification the person was shown: one that arrived since stays unread. */
export const markAllReadSchema = z.object({ upTo: momentField('the time of the newest notification you were shown') })

export type Decision = z.output<typeof decisionSchema>
export type AreaNotice = z.output<typeof areaNoticeSchema>
