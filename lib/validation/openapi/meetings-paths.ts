// The OpenAPI paths for a child's referrals (NRM, CAWN, police intelligence) and meetings with their actions.
import { idParam, json, problems } from './components'

const actionParams = [
  ...idParam('meeting id'),
  { name: 'actionId', in: 'path', required: true, schema: { type: 'string' }, description: 'action id' },
]

export function meetingsPaths() {
  return {
    '/api/v1/children/{id}/referrals': {
      get: {
        operationId: 'listReferrals',
        summary: "The child's NRM referrals, Child Abduction Warning Notices and intelligence submitted to the police",
        parameters: idParam('child id'),
        responses: { 200: { description: 'The referrals', ...json('ReferralList') }, ...problems(401, 404) },
      },
      post: {
        operationId: 'recordReferral',
        summary:
          'Record a referral; an NRM referral is made by the local authority (its social worker or missing lead)',
        parameters: idParam('child id'),
        requestBody: { required: true, ...json('Referral') },
        responses: { 201: { description: 'Recorded', ...json('Created') }, ...problems(400, 401, 404, 422) },
      },
    },
    '/api/v1/referrals/{id}/amendments': {
      post: {
        operationId: 'amendReferral',
        summary:
          'Correct a referral, or add a decision that came later (NRM reasonable or conclusive grounds, a CAWN issued); send the version you read',
        parameters: idParam('referral id'),
        requestBody: { required: true, ...json('ReferralAmendment') },
        responses: { 201: { description: 'Corrected', ...json('Amended') }, ...problems(400, 401, 404, 422) },
      },
    },
    '/api/v1/children/{id}/meetings': {
      get: {
        operationId: 'listMeetings',
        summary:
          "The child's strategy discussions and multi-agency meetings with their actions (overdue shown), and what is flagged as needing a meeting",
        parameters: idParam('child id'),
        responses: { 200: { description: 'The meetings', ...json('MeetingList') }, ...problems(401, 404) },
      },
      post: {
        operationId: 'recordMeeting',
        summary: 'Record a meeting held, with its actions and the episodes and alerts that led to it',
        parameters: idParam('child id'),
        requestBody: { required: true, ...json('Meeting') },
        responses: { 201: { description: 'Recorded', ...json('Created') }, ...problems(400, 401, 404, 422) },
      },
    },
    '/api/v1/meetings/{id}/amendments': {
      post: {
        operationId: 'amendMeeting',
        summary:
          'Correct a meeting after it was saved (its kind, date, kinds of exploitation as comma-separated codes, views or decisions); send the version you read',
        parameters: idParam('meeting id'),
        requestBody: { required: true, ...json('MeetingAmendment') },
        responses: { 201: { description: 'Corrected', ...json('Amended') }, ...problems(400, 401, 404, 422) },
      },
    },
    '/api/v1/meetings/{id}/actions': {
      post: {
        operationId: 'addMeetingAction',
        summary: 'Add an action to a meeting: what, who owns it, when it is due',
        parameters: idParam('meeting id'),
        requestBody: { required: true, ...json('MeetingAction') },
        responses: { 201: { description: 'Added', ...json('MeetingActionSaved') }, ...problems(400, 401, 404, 422) },
      },
    },
    '/api/v1/meetings/{id}/actions/{actionId}/complete': {
      post: {
        operationId: 'completeMeetingAction',
        summary: 'Mark an action completed (once), with the date and what was done',
        parameters: actionParams,
        requestBody: { required: true, ...json('CompleteMeetingAction') },
        responses: {
          200: { description: 'Completed', ...json('MeetingActionSaved') },
          ...problems(400, 401, 404, 422),
        },
      },
    },
  }
}
