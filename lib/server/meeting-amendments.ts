// Correcting a strategy discussion or meeting after it was saved: never in place. The corrected field, its earlier
// value, the reason, who and when are kept beside the meeting (lib/server/amendments.ts), and the meeting page shows
// the value as it stands with its history.
import { actionDates, MEETING_FIELDS, parseMeetingValue, type MeetingField } from '@/lib/domain/meetings'
import type { Actor } from '@/lib/domain/roles'
import { londonDate } from '@/lib/domain/time'
import { amend, type AmendmentInput } from './amendments'
import { orNotFound, useCase } from './use-case'

/** A correction of one field of a meeting of a child in the actor's scope ("not found" otherwise). */
export async function amendMeeting(
  actor: Actor,
  meetingId: string,
  input: AmendmentInput<MeetingField>,
  now = new Date(),
) {
  return useCase(actor, 'meeting.amend', { subject: 'meeting', now }, async (uc) => {
    const { tx, scope } = uc
    const meeting = await tx.meeting
      .findFirst({
        where: { id: meetingId, child: scope.child },
        include: { actions: { select: { dueOn: true, completedOn: true } } },
      })
      .then(orNotFound('meeting'))
    return amend(
      uc,
      {
        labels: MEETING_FIELDS,
        staleMessage:
          'Someone else corrected this meeting while you were working on it. Reload to see their change; what you typed is still here.',
        parse: (field, raw) =>
          parseMeetingValue(
            field,
            raw,
            { kind: meeting.kind, kinds: meeting.kinds, actionDates: actionDates(meeting.actions) },
            londonDate(uc.now),
          ),
        previous: (field) => meeting[field],
        write: async (field, value, version) =>
          (
            await tx.meeting.updateMany({
              where: { id: meeting.id, version },
              data: { [field]: value, version: { increment: 1 } },
            })
          ).count,
        addRow: (row) => tx.meetingAmendment.create({ data: { ...row, meetingId: meeting.id }, select: { id: true } }),
        audit: { action: 'meeting.amend', subjectType: 'meeting', childId: meeting.childId },
      },
      meeting,
      input,
    )
  })
}
