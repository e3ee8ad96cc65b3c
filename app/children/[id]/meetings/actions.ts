'use server'
import { runAction } from '@/lib/server/action'
import { recordId } from '@/lib/server/errors'
import { amendMeeting } from '@/lib/server/meeting-amendments'
import { completeMeetingAction, recordMeeting } from '@/lib/server/meetings'
import { amendReferral, recordReferral } from '@/lib/server/referrals'
import {
  amendMeetingSchema,
  amendReferralSchema,
  completeActionSchema,
  meetingSchema,
  referralSchema,
} from '@/lib/validation/meetings'

export async function recordReferralAction(childId: string, input: unknown) {
  return runAction(referralSchema, input, (actor, referral) =>
    recordReferral(actor, recordId(childId, 'child'), referral),
  )
}

export async function amendReferralAction(referralId: string, input: unknown) {
  return runAction(amendReferralSchema, input, (actor, amendment) =>
    amendReferral(actor, recordId(referralId, 'referral'), amendment),
  )
}

export async function recordMeetingAction(childId: string, input: unknown) {
  return runAction(meetingSchema, input, (actor, meeting) => recordMeeting(actor, recordId(childId, 'child'), meeting))
}

export async function completeActionAction(meetingId: string, actionId: string, input: unknown) {
  return runAction(completeActionSchema, input, (actor, done) =>
    completeMeetingAction(actor, recordId(meetingId, 'meeting'), recordId(actionId, 'action'), done),
  )
}

export async function amendMeetingAction(meetingId: string, input: unknown) {
  return runAction(amendMeetingSchema, input, (actor, amendment) =>
    amendMeeting(actor, recordId(meetingId, 'meeting'), amendment),
  )
}
