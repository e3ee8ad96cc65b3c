// The OpenAPI paths for the chronology, Regulation 40 events, reviews, CSE screenings and safety plans, pattern alerts,
// homes' oversight and phone numbers, the inbox and the e-mail outbox (reports and exports: report-paths.ts).
import { CHRONOLOGY_KINDS } from '@/lib/domain/chronology'
import { json, problems, idParam } from './components'

export function oversightPaths() {
  return {
    '/api/v1/children/{id}/chronology': {
      get: {
        operationId: 'getChronology',
        summary:
          'Everything about a child, newest first: placements, episodes and their timelines, returns, return interviews, CSE screenings, safety plans, alerts and IRO decisions, looked-after reviews',
        parameters: [
          ...idParam('child id'),
          {
            name: 'kind',
            in: 'query',
            required: false,
            description: 'Repeat to show several kinds; none shows everything',
            schema: { type: 'array', items: { type: 'string', enum: Object.keys(CHRONOLOGY_KINDS) } },
            style: 'form',
            explode: true,
          },
          { name: 'from', in: 'query', required: false, schema: { type: 'string', format: 'date' } },
          { name: 'to', in: 'query', required: false, schema: { type: 'string', format: 'date' } },
        ],
        responses: { 200: { description: 'The chronology', ...json('Chronology') }, ...problems(401, 404, 422) },
      },
    },
    '/api/v1/homes/{id}/notifiable-events': {
      get: {
        operationId: 'listNotifiableEvents',
        summary:
          "The home's Regulation 40 notifiable events (Children's Homes (England) Regulations 2015), newest first: kind, when, what happened, the child or person, the registered person's decision, who must be told (with the paragraph), who is still to be told, each recipient told (who, when, how, by whom) and whether it is overdue",
        parameters: idParam('home id'),
        responses: { 200: { description: 'The events', ...json('NotifiableEventList') }, ...problems(401, 404) },
      },
      post: {
        operationId: 'recordNotifiableEvent',
        summary:
          'Record an event at the home (the registered manager or responsible individual), with the decision: NOTIFY (naming each other relevant person) or NOT_NOTIFIABLE (with the reason), or no decision yet. Times are UK wall-clock (2026-03-27T21:30) or with an offset.',
        parameters: idParam('home id'),
        requestBody: { required: true, ...json('NotifiableEvent') },
        responses: {
          201: { description: 'Recorded', ...json('NotifiableEventSaved') },
          ...problems(400, 401, 404, 422),
        },
      },
    },
    '/api/v1/notifiable-events/{id}/decision': {
      post: {
        operationId: 'decideNotifiableEvent',
        summary:
          "The registered person's decision on a proposed event, once: notify (naming each other relevant person), or not notifiable with the reason",
        parameters: idParam('notifiable event id'),
        requestBody: { required: true, ...json('NotifiableEventDecision') },
        responses: {
          200: { description: 'Decided', ...json('NotifiableEventSaved') },
          ...problems(400, 401, 404, 422),
        },
      },
    },
    '/api/v1/notifiable-events/{id}/notified': {
      post: {
        operationId: 'recordNotified',
        summary:
          'Record one recipient told (who, when, how; by the caller). When everyone the regulation and the decision require has been told, the event is complete.',
        parameters: idParam('notifiable event id'),
        requestBody: { required: true, ...json('Notified') },
        responses: { 201: { description: 'Recorded', ...json('NotifiedRecorded') }, ...problems(400, 401, 404, 422) },
      },
    },
    '/api/v1/missing-episodes/{id}/notifiable-event-proposal': {
      post: {
        operationId: 'proposeNotifiableEventFromEpisode',
        summary:
          '"This may be a Regulation 40 event": proposes a notifiable event at the home from an episode; the registered person decides',
        parameters: idParam('episode id'),
        requestBody: { required: true, ...json('NotifiableEventProposal') },
        responses: {
          201: { description: 'Proposed', ...json('NotifiableEventSaved') },
          ...problems(400, 401, 404, 422),
        },
      },
    },
    '/api/v1/cse-screenings/{id}/notifiable-event-proposal': {
      post: {
        operationId: 'proposeNotifiableEventFromScreening',
        summary:
          '"This may be a Regulation 40 event": proposes a notifiable event at the child\'s home from an exploitation screening (for example criminal exploitation the police are involved in); the registered person decides',
        parameters: idParam('screening id'),
        requestBody: { required: true, ...json('NotifiableEventProposal') },
        responses: {
          201: { description: 'Proposed', ...json('NotifiableEventSaved') },
          ...problems(400, 401, 404, 422),
        },
      },
    },
    '/api/v1/return-interviews/{id}/notifiable-event-proposal': {
      post: {
        operationId: 'proposeNotifiableEventFromInterview',
        summary:
          '"This may be a Regulation 40 event": proposes a notifiable event at the child\'s home from a return interview (the reason given is what the registered manager reads); the registered person decides',
        parameters: idParam('return interview id'),
        requestBody: { required: true, ...json('NotifiableEventProposal') },
        responses: {
          201: { description: 'Proposed', ...json('NotifiableEventSaved') },
          ...problems(400, 401, 404, 422),
        },
      },
    },
    '/api/v1/children/{id}/reviews': {
      get: {
        operationId: 'getLookedAfterReviews',
        summary:
          'When the child became looked after, the looked-after reviews held, and when the next is due (CPPCR 2010 reg 33)',
        parameters: idParam('child id'),
        responses: { 200: { description: 'The reviews', ...json('Reviews') }, ...problems(401, 404) },
      },
      post: {
        operationId: 'recordLookedAfterReview',
        summary:
          'Record a review held: the date, how the child took part (SSDA903 PN0-PN7) and the outcome. The answer has the next review.',
        parameters: idParam('child id'),
        requestBody: { required: true, ...json('ReviewHeld') },
        responses: { 201: { description: 'Recorded', ...json('ReviewRecorded') }, ...problems(400, 401, 404, 422) },
      },
    },
    '/api/v1/children/{id}/cse-screenings': {
      get: {
        operationId: 'listCseScreenings',
        summary:
          "The child's exploitation screenings (newest first), each kind with its level; suggestions from Haven's records and flags",
        parameters: idParam('child id'),
        responses: { 200: { description: 'Screenings', ...json('ScreeningList') }, ...problems(401, 404) },
      },
      post: {
        operationId: 'recordCseScreening',
        summary:
          "Record a screening: indicators with when observed; for each kind screened (kinds: sexual, criminal, trafficking, radicalisation where the authority asks) your level, with a reason when it differs from the suggestion (a level alone, as before the kinds, screens for sexual exploitation); a decision on each suggestion. The response has each kind's suggested level and language warnings.",
        parameters: idParam('child id'),
        requestBody: { required: true, ...json('Screening') },
        responses: { 201: { description: 'Recorded', ...json('ScreeningRecorded') }, ...problems(400, 401, 404, 422) },
      },
    },
    '/api/v1/children/{id}/safety-plans': {
      get: {
        operationId: 'listSafetyPlans',
        summary: 'Every version of the safety plan, newest first',
        parameters: idParam('child id'),
        responses: { 200: { description: 'Plans', ...json('SafetyPlanList') }, ...problems(401, 404) },
      },
      post: {
        operationId: 'saveSafetyPlan',
        summary:
          'A new version of the safety plan (basedOnVersion: the version you started from, 0 for the first; kinds: the kinds of exploitation it addresses, sexual when left out). The response has language warnings.',
        parameters: idParam('child id'),
        requestBody: { required: true, ...json('SafetyPlan') },
        responses: { 201: { description: 'Saved', ...json('SafetyPlanSaved') }, ...problems(400, 401, 404, 422) },
      },
    },
    '/api/v1/safety-plans/{id}/sign-off': {
      post: {
        operationId: 'signOffSafetyPlan',
        summary: "The registered manager's sign-off of the latest version",
        parameters: idParam('plan id'),
        responses: { 200: { description: 'Signed off', ...json('Created') }, ...problems(401, 404, 422) },
      },
    },
    '/api/v1/alerts': {
      get: {
        operationId: 'listAlerts',
        summary:
          'Pattern alerts you were told about (children outside your scope are counted, not named), 100 a page: total, page, pages and alerts',
        parameters: [
          { name: 'status', in: 'query', required: false, schema: { type: 'string', enum: ['OPEN', 'RESOLVED'] } },
          {
            name: 'page',
            in: 'query',
            required: false,
            description: '100 a page; a page past the end gives the last',
            schema: { type: 'integer', minimum: 1, maximum: 100_000 },
          },
        ],
        responses: {
          200: { description: 'A page of alerts, with how many there are in all', ...json('AlertList') },
          ...problems(401, 403, 422),
        },
      },
    },
    '/api/v1/alerts/{id}': {
      get: {
        operationId: 'getAlert',
        summary: 'An alert with the evidence you may see and the review timetable',
        parameters: idParam('alert id'),
        responses: { 200: { description: 'The alert', ...json('Alert') }, ...problems(401, 404) },
      },
    },
    '/api/v1/alerts/{id}/acknowledge': {
      post: {
        operationId: 'acknowledgeAlert',
        summary: 'Acknowledge an alert (only the people told about it; 422 for any other reader of the child)',
        parameters: idParam('alert id'),
        responses: { 200: { description: 'Acknowledged', ...json('Created') }, ...problems(401, 404, 422) },
      },
    },
    '/api/v1/alerts/{id}/decision': {
      post: {
        operationId: 'recordAlertDecision',
        summary: "The IRO's decision: bring the child's review forward (to a date) or not (why)",
        parameters: idParam('alert id'),
        requestBody: { required: true, ...json('Decision') },
        responses: { 201: { description: 'Recorded', ...json('Created') }, ...problems(400, 401, 404, 422) },
      },
    },
    '/api/v1/alerts/{id}/resolve': {
      post: {
        operationId: 'resolveAlert',
        summary: 'Resolve with a reason (it reopens if the pattern continues)',
        parameters: idParam('alert id'),
        requestBody: { required: true, ...json('Resolution') },
        responses: { 200: { description: 'Resolved', ...json('Created') }, ...problems(400, 401, 404, 422) },
      },
    },
    '/api/v1/homes/{id}/reg44-visits': {
      get: {
        operationId: 'listReg44Visits',
        summary:
          "The home's Regulation 44 visits, newest first: visitor and whether they were independent (with reasons), who they spoke with, records checked, opinions, the report, where it went, and the actions",
        parameters: idParam('home id'),
        responses: { 200: { description: 'The visits', ...json('Reg44VisitList') }, ...problems(401, 404) },
      },
      post: {
        operationId: 'recordReg44Visit',
        summary:
          'Record a Regulation 44 visit by a registered independent person (an independent visitor records only their own), with the report as text, when it was received and sent, and recommendations as actions. Dates YYYY-MM-DD.',
        parameters: idParam('home id'),
        requestBody: { required: true, ...json('Reg44Visit') },
        responses: { 201: { description: 'Recorded', ...json('Reg44VisitRecorded') }, ...problems(400, 401, 404, 422) },
      },
    },
    '/api/v1/homes/{id}/phone': {
      put: {
        operationId: 'setHomePhone',
        summary:
          "Set the home's phone number, the number other agencies ring about a child day and night (the missing protocol's e-mails to people outside Haven give it), or remove it with null: the home's registered manager or its provider's responsible individual. A UK number starting 01, 02, 03 or 07, or 0800 or 0808, typed with spaces, brackets or +44 as people write it; kept in its written form (0114 496 0123).",
        parameters: idParam('home id'),
        requestBody: { required: true, ...json('HomePhone') },
        responses: {
          200: { description: 'Saved: the number as it is now kept', ...json('HomePhoneSaved') },
          ...problems(400, 401, 404, 422),
        },
      },
    },
    '/api/v1/homes/{id}/oversight': {
      get: {
        operationId: 'getOversightMonth',
        summary:
          "The home's month: each check (visit, independence, report, actions, Regulation 45, Regulation 46) with its level green, amber or red and the reason in words; missing episodes against the months before, return interviews within 72 hours, children at risk of CSE with current plans",
        parameters: [
          ...idParam('home id'),
          {
            name: 'month',
            in: 'query',
            required: false,
            description: 'YYYY-MM; this month if left out',
            schema: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' },
          },
        ],
        responses: { 200: { description: 'The month', ...json('OversightMonth') }, ...problems(401, 404, 422) },
      },
    },
    '/api/v1/admin/dispatcher': {
      get: {
        operationId: 'getDispatcherState',
        summary:
          "The e-mail outbox (system administrators): messages waiting, being retried, sent, given up and skipped, the oldest waiting message's age and the dispatcher's lag; the messages given up by kind, recipient's name and time, never their content",
        responses: { 200: { description: 'The outbox', ...json('DispatcherState') }, ...problems(401, 403) },
      },
    },
    '/api/v1/admin/dispatcher/messages/{id}/retry': {
      post: {
        operationId: 'retryMessage',
        summary:
          'Put a message the dispatcher gave up on back in the outbox: it is tried again (same Message-ID) by the dispatcher, not sent directly. Audited.',
        parameters: idParam('message id (from givenUp)'),
        responses: { 200: { description: 'Back in the outbox', ...json('Created') }, ...problems(401, 403, 404, 422) },
      },
    },
    '/api/v1/notifications': {
      get: {
        operationId: 'listNotifications',
        summary: 'Your inbox: what you were told, when, whether the e-mail went',
        responses: { 200: { description: 'Notifications', ...json('NotificationList') }, ...problems(401) },
      },
    },
    '/api/v1/notifications/mark-all-read': {
      post: {
        operationId: 'markAllNotificationsRead',
        summary:
          'Mark as read everything in your inbox that arrived up to `upTo` (send the createdAt of the newest notification you showed: one that arrived since stays unread)',
        requestBody: { required: true, ...json('MarkAllRead') },
        responses: { 200: { description: 'How many were marked', ...json('MarkedRead') }, ...problems(400, 401, 422) },
      },
    },
  }
}
