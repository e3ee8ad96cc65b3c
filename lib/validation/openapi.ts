// The OpenAPI 3.1 document, built from the same zod schemas the API validates and answers with.
import { z } from 'zod'
import { settings } from '@/lib/settings'
import { childListQuerySchema, newChildSchema, placementEndSchema, placementStartSchema, reg41NoticeSchema } from './children'
import { amendEpisodeSchema, closeEpisodeSchema, episodeUpdateSchema, recordReturnSchema, reportMissingSchema } from './episodes'
import { childListSchema, childRecordSchema, createdSchema, dispatcherStateSchema, episodeListSchema, episodeViewSchema, interviewListSchema, interviewViewSchema, problemSchema, tokenSchema } from './responses'
import { outcomeSchema } from './return-interviews'
import { planSchema, screeningSchema } from './cse'
import { decisionSchema, resolveSchema } from './alerts'
import { passwordChangeSchema, tokenRequestSchema } from './users'
import { visitSchema } from './oversight'
import { decisionSchema as notifiableDecisionSchema, notifiableEventSchema, notifiedSchema, proposalSchema } from './notifiable-events'
import { CHRONOLOGY_KINDS } from '@/lib/domain/chronology'
import { AGE_BANDS, TABLE_IDS } from '@/lib/domain/missing-report'

const schemas = {
  TokenRequest: [tokenRequestSchema, 'input'],
  PasswordChange: [passwordChangeSchema, 'input'],
  Token: [tokenSchema, 'output'],
  NewChild: [newChildSchema, 'input'],
  PlacementStart: [placementStartSchema, 'input'],
  PlacementEnd: [placementEndSchema, 'input'],
  Reg41Notice: [reg41NoticeSchema, 'input'],
  ChildList: [childListSchema, 'output'],
  ChildRecord: [childRecordSchema, 'output'],
  Created: [createdSchema, 'output'],
  Problem: [problemSchema, 'output'],
  ReportMissing: [reportMissingSchema, 'input'],
  EpisodeUpdate: [episodeUpdateSchema, 'input'],
  RecordReturn: [recordReturnSchema, 'input'],
  Amendment: [amendEpisodeSchema, 'input'],
  CloseEpisode: [closeEpisodeSchema, 'input'],
  EpisodeList: [episodeListSchema, 'output'],
  Episode: [episodeViewSchema, 'output'],
  InterviewOutcome: [outcomeSchema, 'input'],
  InterviewList: [interviewListSchema, 'output'],
  ReturnInterview: [interviewViewSchema, 'output'],
  Screening: [screeningSchema, 'input'],
  SafetyPlan: [planSchema, 'input'],
  Decision: [decisionSchema, 'input'],
  Resolution: [resolveSchema, 'input'],
  NotifiableEvent: [notifiableEventSchema, 'input'],
  NotifiableEventDecision: [notifiableDecisionSchema, 'input'],
  NotifiableEventProposal: [proposalSchema, 'input'],
  Notified: [notifiedSchema, 'input'],
  Reg44Visit: [visitSchema, 'input'],
  DispatcherState: [dispatcherStateSchema, 'output'],
} as const satisfies Record<string, [z.ZodType, 'input' | 'output']>

const ref = (name: keyof typeof schemas) => ({ $ref: `#/components/schemas/${name}` })
const json = (name: keyof typeof schemas) => ({ content: { 'application/json': { schema: ref(name) } } })
const problems = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [
      String(s),
      {
        description: { 400: 'Malformed request', 401: 'No valid token', 403: 'Your role does not allow this', 404: 'Not found, or outside your scope', 422: 'Invalid input: `errors` names each field', 429: 'Too many failed sign-ins' }[s],
        content: { 'application/problem+json': { schema: ref('Problem') } },
      },
    ]),
  )
const idParam = (description: string) => [{ name: 'id', in: 'path', required: true, schema: { type: 'string' }, description }]

export function openApiDocument() {
  const searchSchema = z.toJSONSchema(childListQuerySchema, { io: 'input', unrepresentable: 'any' }) as { properties: Record<string, object> }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Haven API',
      version: '1',
      description:
        'Children, placements and (in later versions) missing episodes. Every route honours the same scope rules as the pages: a child outside your scope is 404. Errors are RFC 9457 problem details.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A personal token from POST /api/v1/auth/token' } },
      schemas: Object.fromEntries(
        Object.entries(schemas).map(([name, [schema, io]]) => {
          const { $schema: _, ...jsonSchema } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>
          return [name, jsonSchema]
        }),
      ),
    },
    paths: {
      '/api/v1/auth/token': {
        post: {
          summary: 'Get a personal API token with your e-mail and password',
          security: [],
          requestBody: { required: true, ...json('TokenRequest') },
          responses: { 201: { description: 'The token (shown once)', ...json('Token') }, ...problems(400, 401, 422, 429) },
        },
        delete: { summary: 'Revoke the token used for this request', responses: { 204: { description: 'Revoked' }, ...problems(401) } },
      },
      '/api/v1/auth/password': {
        post: {
          summary: 'Change your own password: every other session and API token of yours ends, and you are told by e-mail',
          requestBody: { required: true, ...json('PasswordChange') },
          responses: { 204: { description: 'Changed' }, ...problems(400, 401, 422) },
        },
      },
      '/api/v1/children': {
        get: {
          summary: 'Children in your scope, 100 a page, with how many there are in all',
          parameters: [
            { name: 'search', in: 'query', required: false, schema: searchSchema.properties.search, description: 'part of a first or last name' },
            { name: 'page', in: 'query', required: false, description: '100 a page; a page past the end gives the last', schema: { type: 'integer', minimum: 1, maximum: 100_000 } },
          ],
          responses: { 200: { description: 'The children you may see', ...json('ChildList') }, ...problems(401, 403, 422) },
        },
        post: {
          summary: 'Add a child with their first placement',
          requestBody: { required: true, ...json('NewChild') },
          responses: { 201: { description: 'Added', ...json('Created') }, ...problems(400, 401, 403, 422) },
        },
      },
      '/api/v1/children/{id}': {
        get: {
          summary: "A child's record with placements",
          parameters: idParam('child id'),
          responses: { 200: { description: 'The child', ...json('ChildRecord') }, ...problems(401, 404) },
        },
      },
      '/api/v1/children/{id}/placements': {
        post: {
          summary: 'Start a placement (ends the open one the same day)',
          parameters: idParam('child id'),
          requestBody: { required: true, ...json('PlacementStart') },
          responses: { 201: { description: 'Started', ...json('Created') }, ...problems(400, 401, 404, 422) },
        },
      },
      '/api/v1/children/{id}/missing-episodes': {
        get: {
          summary: "A child's missing and away episodes, newest first",
          parameters: idParam('child id'),
          responses: { 200: { description: 'The episodes', ...json('EpisodeList') }, ...problems(401, 404) },
        },
        post: {
          summary: 'Report a child missing or away (times: London wall-clock YYYY-MM-DDTHH:mm, or ISO 8601 with offset)',
          parameters: idParam('child id'),
          requestBody: { required: true, ...json('ReportMissing') },
          responses: { 201: { description: 'Reported', ...json('Created') }, ...problems(400, 401, 404, 422) },
        },
      },
      '/api/v1/reports/ofsted': {
        get: {
          summary: "Figures Ofsted asks for that your roles cover: per home (times missing, times away without authorisation, children, residents, residents at risk of CSE) for a period; Annex A per child looked after (missing and absent episodes in 12 months, return interview offered and accepted after the last missing episode)",
          parameters: [
            { name: 'from', in: 'query', required: false, description: 'Start of the period for the home figures (YYYY-MM-DD)', schema: { type: 'string', format: 'date' } },
            { name: 'to', in: 'query', required: false, description: `End of the period; the period is at most ${settings.reports.maxPeriodYears} years long (422 naming to)`, schema: { type: 'string', format: 'date' } },
          ],
          responses: { 200: { description: '{ period, homes: [...] | null, annexA: [...] | null }' }, ...problems(401, 403, 422) },
        },
      },
      '/api/v1/reports/missing': {
        get: {
          summary: 'Missing-episode figures for the episodes you may count (a home: the episodes there; others: their children): by month, home and placing authority (missing vs away), duration, time of day, day of week, repeat children, return interviews, children at risk of CSE with and without a current safety plan',
          parameters: [
            { name: 'from', in: 'query', required: true, description: 'First UK day of the period (episodes that started from it)', schema: { type: 'string', format: 'date' } },
            { name: 'to', in: 'query', required: true, description: `Last UK day of the period; the period is at most ${settings.reports.maxPeriodYears} years long (422 naming to)`, schema: { type: 'string', format: 'date' } },
            { name: 'home', in: 'query', required: false, description: 'A home id (404 if it is not in your figures)', schema: { type: 'string' } },
            { name: 'authority', in: 'query', required: false, description: 'A placing authority id (404 if it is not in your figures)', schema: { type: 'string' } },
            { name: 'ageBand', in: 'query', required: false, description: 'Age when the episode started', schema: { type: 'string', enum: Object.keys(AGE_BANDS) } },
            { name: 'sex', in: 'query', required: false, schema: { type: 'string', enum: ['MALE', 'FEMALE'] } },
            { name: 'table', in: 'query', required: false, description: 'Without it, JSON; with it, that table as CSV', schema: { type: 'string', enum: [...TABLE_IDS] } },
          ],
          responses: { 200: { description: '{ period, filter, options: { homes, authorities }, totals, tables: [{ id, title, summary, columns: [{ key, label }], rows }] }, or text/csv' }, ...problems(401, 403, 404, 422) },
        },
      },
      '/api/v1/reports/role-grants': {
        get: {
          summary: "Every role grant and removal in a period, from the audit trail (system administrators): when, the event (granted, removed, requested: waiting for a second administrator, refused), the role and organisation, the person, who did it (for an approved grant, who asked for it), the reason, and who approved it",
          parameters: [
            { name: 'from', in: 'query', required: true, description: 'First UK day of the period', schema: { type: 'string', format: 'date' } },
            { name: 'to', in: 'query', required: true, description: 'Last UK day of the period', schema: { type: 'string', format: 'date' } },
          ],
          responses: { 200: { description: '{ from, to, rows: [{ at, event, role, organisation, person: { id, name }, by: { id, name } | null, reason, approvedBy: { id, name } | null }] }' }, ...problems(401, 403, 422) },
        },
      },
      '/api/v1/exports/ssda903': {
        get: {
          summary: "The SSDA903 return's Header, Episodes and Missing tables for a placing authority (LA missing leads), checked against the DfE's rules for the Missing table",
          parameters: [
            { name: 'year', in: 'query', required: true, description: 'Collection year: 2025 is 1 April 2025 to 31 March 2026', schema: { type: 'integer' } },
            { name: 'authority', in: 'query', required: true, description: 'Local authority id', schema: { type: 'string' } },
            { name: 'table', in: 'query', required: false, description: 'Without it, the check report; with it, that table as CSV (all: the three CSVs in a zip) once the checks pass', schema: { type: 'string', enum: ['header', 'episodes', 'missing', 'all'] } },
          ],
          responses: { 200: { description: 'The check report { authority, year, period, counts, failures: [{ row, child, rule, problem, fix }] }, or text/csv' }, ...problems(401, 403, 404, 422) },
        },
      },
      '/api/v1/children/{id}/chronology': {
        get: {
          summary: "Everything about a child, newest first: placements, episodes and their timelines, returns, return interviews, CSE screenings, safety plans, alerts and IRO decisions",
          parameters: [
            ...idParam('child id'),
            { name: 'kind', in: 'query', required: false, description: 'Repeat to show several kinds; none shows everything', schema: { type: 'array', items: { type: 'string', enum: Object.keys(CHRONOLOGY_KINDS) } }, style: 'form', explode: true },
            { name: 'from', in: 'query', required: false, schema: { type: 'string', format: 'date' } },
            { name: 'to', in: 'query', required: false, schema: { type: 'string', format: 'date' } },
          ],
          responses: { 200: { description: '{ child, entries: [{ at, dateOnly, kind, title, detail, link }], total }' }, ...problems(401, 404, 422) },
        },
      },
      '/api/v1/missing-episodes/{id}': {
        get: { summary: 'An episode with its timeline, return and corrections', parameters: idParam('episode id'), responses: { 200: { description: 'The episode', ...json('Episode') }, ...problems(401, 404) } },
      },
      '/api/v1/missing-episodes/{id}/updates': {
        post: {
          summary: 'Add to the timeline of an open episode (call, place checked, sighting, police risk grade)',
          parameters: idParam('episode id'),
          requestBody: { required: true, ...json('EpisodeUpdate') },
          responses: { 201: { description: 'Added', ...json('Created') }, ...problems(400, 401, 404, 422) },
        },
      },
      '/api/v1/missing-episodes/{id}/return': {
        post: {
          summary: 'Record the return: when, how, where, with whom, vehicles, condition',
          parameters: idParam('episode id'),
          requestBody: { required: true, ...json('RecordReturn') },
          responses: { 201: { description: 'Recorded', ...json('Created') }, ...problems(400, 401, 404, 422) },
        },
      },
      '/api/v1/missing-episodes/{id}/amendments': {
        post: {
          summary: 'Correct a field, with a reason; the original stays readable. Send the version you read.',
          parameters: idParam('episode id'),
          requestBody: { required: true, ...json('Amendment') },
          responses: { 201: { description: 'Corrected', ...json('Created') }, ...problems(400, 401, 404, 422) },
        },
      },
      '/api/v1/missing-episodes/{id}/close': {
        post: {
          summary: "The registered manager's review, closing a returned episode",
          parameters: idParam('episode id'),
          requestBody: { required: true, ...json('CloseEpisode') },
          responses: { 200: { description: 'Closed', ...json('Created') }, ...problems(400, 401, 403, 404, 422) },
        },
      },
      '/api/v1/return-interviews': {
        get: {
          summary: 'Return interviews you may see: due (including due soon), overdue, held, or all',
          parameters: [{ name: 'status', in: 'query', required: false, schema: { type: 'string', enum: ['due', 'overdue', 'held', 'all'] } }],
          responses: { 200: { description: 'The interviews', ...json('InterviewList') }, ...problems(401, 403, 422) },
        },
      },
      '/api/v1/missing-episodes/{id}/return-interview': {
        get: {
          summary: "The episode's return interview. concernsAboutHome is present only for the IRO, social worker, LA missing lead and interview service",
          parameters: idParam('episode id'),
          responses: { 200: { description: 'The interview', ...json('ReturnInterview') }, ...problems(401, 404) },
        },
        post: {
          summary: 'Record the interview (or why it did not happen); once, then corrected by amendment',
          parameters: idParam('episode id'),
          requestBody: { required: true, ...json('InterviewOutcome') },
          responses: { 201: { description: 'Recorded', ...json('Created') }, ...problems(400, 401, 404, 422) },
        },
      },
      '/api/v1/children/{id}/cse-screenings': {
        get: { summary: "The child's CSE screenings (newest first), suggestions from Haven's records and flags", parameters: idParam('child id'), responses: { 200: { description: 'Screenings' }, ...problems(401, 404) } },
        post: {
          summary: 'Record a screening: indicators with when observed; your level (a reason when it differs from the suggestion); a decision on each suggestion. The response has the suggested level and language warnings.',
          parameters: idParam('child id'),
          requestBody: { required: true, ...json('Screening') },
          responses: { 201: { description: 'Recorded' }, ...problems(400, 401, 404, 422) },
        },
      },
      '/api/v1/children/{id}/safety-plans': {
        get: { summary: 'Every version of the safety plan, newest first', parameters: idParam('child id'), responses: { 200: { description: 'Plans' }, ...problems(401, 404) } },
        post: {
          summary: 'A new version of the safety plan (basedOnVersion: the version you started from, 0 for the first). The response has language warnings.',
          parameters: idParam('child id'),
          requestBody: { required: true, ...json('SafetyPlan') },
          responses: { 201: { description: 'Saved' }, ...problems(400, 401, 404, 422) },
        },
      },
      '/api/v1/safety-plans/{id}/sign-off': {
        post: { summary: "The registered manager's sign-off of the latest version", parameters: idParam('plan id'), responses: { 200: { description: 'Signed off', ...json('Created') }, ...problems(401, 404, 422) } },
      },
      '/api/v1/alerts': {
        get: {
          summary: 'Pattern alerts you were told about (children outside your scope are counted, not named), 100 a page: total, page, pages and alerts',
          parameters: [
            { name: 'status', in: 'query', required: false, schema: { type: 'string', enum: ['OPEN', 'RESOLVED'] } },
            { name: 'page', in: 'query', required: false, description: '100 a page; a page past the end gives the last', schema: { type: 'integer', minimum: 1, maximum: 100_000 } },
          ],
          responses: { 200: { description: 'A page of alerts, with how many there are in all' }, ...problems(401, 403, 422) },
        },
      },
      '/api/v1/alerts/{id}': { get: { summary: 'An alert with the evidence you may see and the review timetable', parameters: idParam('alert id'), responses: { 200: { description: 'The alert' }, ...problems(401, 404) } } },
      '/api/v1/alerts/{id}/acknowledge': { post: { summary: 'Acknowledge an alert', parameters: idParam('alert id'), responses: { 200: { description: 'Acknowledged', ...json('Created') }, ...problems(401, 404) } } },
      '/api/v1/alerts/{id}/decision': {
        post: {
          summary: "The IRO's decision: bring the child's review forward (to a date) or not (why)",
          parameters: idParam('alert id'),
          requestBody: { required: true, ...json('Decision') },
          responses: { 201: { description: 'Recorded', ...json('Created') }, ...problems(400, 401, 404, 422) },
        },
      },
      '/api/v1/alerts/{id}/resolve': {
        post: { summary: 'Resolve with a reason (it reopens if the pattern continues)', parameters: idParam('alert id'), requestBody: { required: true, ...json('Resolution') }, responses: { 200: { description: 'Resolved', ...json('Created') }, ...problems(400, 401, 404, 422) } },
      },
      '/api/v1/homes/{id}/reg44-visits': {
        get: {
          summary: "The home's Regulation 44 visits, newest first: visitor and whether they were independent (with reasons), who they spoke with, records checked, opinions, the report, where it went, and the actions",
          parameters: idParam('home id'),
          responses: { 200: { description: '{ home, visits: [...] }' }, ...problems(401, 404) },
        },
        post: {
          summary: 'Record a Regulation 44 visit by a registered independent person (an independent visitor records only their own), with the report as text, when it was received and sent, and recommendations as actions. Dates YYYY-MM-DD.',
          parameters: idParam('home id'),
          requestBody: { required: true, ...json('Reg44Visit') },
          responses: { 201: { description: '{ id, independent, reasons }' }, ...problems(400, 401, 404, 422) },
        },
      },
      '/api/v1/homes/{id}/notifiable-events': {
        get: {
          summary:
            "The home's Regulation 40 notifiable events (Children's Homes (England) Regulations 2015), newest first: kind, when, what happened, the child or person, the registered person's decision, who must be told (with the paragraph), who is still to be told, each recipient told (who, when, how, by whom) and whether it is overdue",
          parameters: idParam('home id'),
          responses: { 200: { description: '{ home, events: [...], children }' }, ...problems(401, 404) },
        },
        post: {
          summary:
            'Record an event at the home (the registered manager or responsible individual), with the decision: NOTIFY (naming each other relevant person) or NOT_NOTIFIABLE (with the reason), or no decision yet. Times are UK wall-clock (2026-03-27T21:30) or with an offset.',
          parameters: idParam('home id'),
          requestBody: { required: true, ...json('NotifiableEvent') },
          responses: { 201: { description: '{ id, status }' }, ...problems(400, 401, 404, 422) },
        },
      },
      '/api/v1/notifiable-events/{id}/decision': {
        post: {
          summary: "The registered person's decision on a proposed event, once: notify (naming each other relevant person), or not notifiable with the reason",
          parameters: idParam('notifiable event id'),
          requestBody: { required: true, ...json('NotifiableEventDecision') },
          responses: { 200: { description: '{ id, status }' }, ...problems(400, 401, 404, 422) },
        },
      },
      '/api/v1/notifiable-events/{id}/notified': {
        post: {
          summary: 'Record one recipient told (who, when, how; by the caller). When everyone the regulation and the decision require has been told, the event is complete.',
          parameters: idParam('notifiable event id'),
          requestBody: { required: true, ...json('Notified') },
          responses: { 201: { description: '{ id, complete, stillToTell }' }, ...problems(400, 401, 404, 422) },
        },
      },
      '/api/v1/missing-episodes/{id}/notifiable-event-proposal': {
        post: {
          summary: '"This may be a Regulation 40 event": proposes a notifiable event at the home from an episode; the registered person decides',
          parameters: idParam('episode id'),
          requestBody: { required: true, ...json('NotifiableEventProposal') },
          responses: { 201: { description: '{ id, status }' }, ...problems(400, 401, 404, 422) },
        },
      },
      '/api/v1/return-interviews/{id}/notifiable-event-proposal': {
        post: {
          summary: '"This may be a Regulation 40 event": proposes a notifiable event at the child\'s home from a return interview (the reason given is what the registered manager reads); the registered person decides',
          parameters: idParam('return interview id'),
          requestBody: { required: true, ...json('NotifiableEventProposal') },
          responses: { 201: { description: '{ id, status }' }, ...problems(400, 401, 404, 422) },
        },
      },
      '/api/v1/homes/{id}/oversight': {
        get: {
          summary: "The home's month: each check (visit, independence, report, actions, Regulation 45, Regulation 46) with its level green, amber or red and the reason in words; missing episodes against the months before, return interviews within 72 hours, children at risk of CSE with current plans",
          parameters: [...idParam('home id'), { name: 'month', in: 'query', required: false, description: 'YYYY-MM; this month if left out', schema: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' } }],
          responses: { 200: { description: '{ home, month, level, checks: [{ code, title, level, reason }], figures, visits, actions, reg45, reg46, locationShares, independentPersons }' }, ...problems(401, 404, 422) },
        },
      },
      '/api/v1/admin/dispatcher': {
        get: {
          summary: "The e-mail outbox (system administrators): messages waiting, being retried, sent, given up and skipped, the oldest waiting message's age and the dispatcher's lag; the messages given up by kind, recipient's name and time, never their content",
          responses: { 200: { description: 'The outbox', ...json('DispatcherState') }, ...problems(401, 403) },
        },
      },
      '/api/v1/admin/dispatcher/messages/{id}/retry': {
        post: {
          summary: 'Put a message the dispatcher gave up on back in the outbox: it is tried again (same Message-ID) by the dispatcher, not sent directly. Audited.',
          parameters: idParam('message id (from givenUp)'),
          responses: { 200: { description: 'Back in the outbox', ...json('Created') }, ...problems(401, 403, 404, 422) },
        },
      },
      '/api/v1/notifications': { get: { summary: 'Your inbox: what you were told, when, whether the e-mail went', responses: { 200: { description: 'Notifications' }, ...problems(401) } } },
      '/api/v1/placements/{id}/end': {
        post: {
          summary: 'End a placement',
          parameters: idParam('placement id'),
          requestBody: { required: true, ...json('PlacementEnd') },
          responses: { 200: { description: 'Ended', ...json('Created') }, ...problems(400, 401, 403, 404, 422) },
        },
      },
      '/api/v1/placements/{id}/reg41-notices': {
        post: {
          summary: "Record the home's Regulation 41 notice of admission or discharge to the authority it is in (once each; registered manager or responsible individual)",
          parameters: idParam('placement id'),
          requestBody: { required: true, ...json('Reg41Notice') },
          responses: { 200: { description: 'Recorded', ...json('Created') }, ...problems(400, 401, 403, 404, 422) },
        },
      },
    },
  }
}
