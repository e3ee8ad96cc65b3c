// The OpenAPI paths for children, placements, missing episodes and return interviews (and signing in).
import { z } from 'zod'
import { childListQuerySchema } from '../children'
import { json, problems, idParam } from './components'

export function childrenPaths() {
  const searchSchema = z.toJSONSchema(childListQuerySchema, { io: 'input', unrepresentable: 'any' }) as {
    properties: Record<string, object>
  }
  return {
    '/api/v1/auth/token': {
      post: {
        operationId: 'createToken',
        summary: 'Get a personal API token with your e-mail and password (and code, with a second factor)',
        description:
          'An account with a second factor sends `code` too: the 6 digits from its authenticator app, or a recovery ' +
          'code. Without it the answer is 401 asking for it. An account whose role must have a second factor and ' +
          'has none yet is refused (403) until it sets one up in the browser.',
        security: [],
        requestBody: { required: true, ...json('TokenRequest') },
        responses: {
          201: { description: 'The token (shown once)', ...json('Token') },
          ...problems(400, 401, 403, 422, 429),
        },
      },
      delete: {
        operationId: 'revokeToken',
        summary: 'Revoke the token used for this request',
        responses: { 204: { description: 'Revoked' }, ...problems(401) },
      },
    },
    '/api/v1/auth/password': {
      post: {
        operationId: 'changePassword',
        summary:
          'Change your own password: every other session and API token of yours ends, and you are told by e-mail',
        requestBody: { required: true, ...json('PasswordChange') },
        responses: { 204: { description: 'Changed' }, ...problems(400, 401, 422) },
      },
    },
    '/api/v1/children': {
      get: {
        operationId: 'listChildren',
        summary: 'Children in your scope, 100 a page, with how many there are in all',
        parameters: [
          {
            name: 'search',
            in: 'query',
            required: false,
            schema: searchSchema.properties.search,
            description: 'part of a first or last name',
          },
          {
            name: 'page',
            in: 'query',
            required: false,
            description: '100 a page; a page past the end gives the last',
            schema: { type: 'integer', minimum: 1, maximum: 100_000 },
          },
        ],
        responses: {
          200: { description: 'The children you may see', ...json('ChildList') },
          ...problems(401, 403, 422),
        },
      },
      post: {
        operationId: 'addChild',
        summary: 'Add a child with their first placement',
        requestBody: { required: true, ...json('NewChild') },
        responses: { 201: { description: 'Added', ...json('Created') }, ...problems(400, 401, 403, 422) },
      },
    },
    '/api/v1/children/{id}': {
      get: {
        operationId: 'getChild',
        summary: "A child's record with placements",
        parameters: idParam('child id'),
        responses: { 200: { description: 'The child', ...json('ChildRecord') }, ...problems(401, 404) },
      },
    },
    '/api/v1/children/{id}/placements': {
      post: {
        operationId: 'startPlacement',
        summary: 'Start a placement (ends the open one the same day)',
        parameters: idParam('child id'),
        requestBody: { required: true, ...json('PlacementStart') },
        responses: { 201: { description: 'Started', ...json('Created') }, ...problems(400, 401, 404, 422) },
      },
    },
    '/api/v1/children/{id}/missing-episodes': {
      get: {
        operationId: 'listChildEpisodes',
        summary: "A child's missing and away episodes, newest first",
        parameters: idParam('child id'),
        responses: { 200: { description: 'The episodes', ...json('EpisodeList') }, ...problems(401, 404) },
      },
      post: {
        operationId: 'reportMissing',
        summary: 'Report a child missing or away (times: London wall-clock YYYY-MM-DDTHH:mm, or ISO 8601 with offset)',
        parameters: idParam('child id'),
        requestBody: { required: true, ...json('ReportMissing') },
        responses: { 201: { description: 'Reported', ...json('Created') }, ...problems(400, 401, 404, 422) },
      },
    },
    '/api/v1/missing-episodes/{id}': {
      get: {
        operationId: 'getEpisode',
        summary: 'An episode with its timeline, return and corrections',
        parameters: idParam('episode id'),
        responses: { 200: { description: 'The episode', ...json('Episode') }, ...problems(401, 404) },
      },
    },
    '/api/v1/missing-episodes/{id}/updates': {
      post: {
        operationId: 'addEpisodeUpdate',
        summary: 'Add to the timeline of an open episode (call, place checked, sighting, police risk grade)',
        parameters: idParam('episode id'),
        requestBody: { required: true, ...json('EpisodeUpdate') },
        responses: { 201: { description: 'Added', ...json('SavedWithWarnings') }, ...problems(400, 401, 404, 422) },
      },
    },
    '/api/v1/missing-episodes/{id}/return': {
      post: {
        operationId: 'recordReturn',
        summary: 'Record the return: when, how, where, with whom, vehicles, condition',
        parameters: idParam('episode id'),
        requestBody: { required: true, ...json('RecordReturn') },
        responses: { 201: { description: 'Recorded', ...json('ReturnRecorded') }, ...problems(400, 401, 404, 422) },
      },
    },
    '/api/v1/missing-episodes/{id}/amendments': {
      post: {
        operationId: 'amendEpisode',
        summary: 'Correct a field, with a reason; the original stays readable. Send the version you read.',
        parameters: idParam('episode id'),
        requestBody: { required: true, ...json('Amendment') },
        responses: { 201: { description: 'Corrected', ...json('Amended') }, ...problems(400, 401, 404, 422) },
      },
    },
    '/api/v1/missing-episodes/{id}/close': {
      post: {
        operationId: 'closeEpisode',
        summary: "The registered manager's review, closing a returned episode",
        parameters: idParam('episode id'),
        requestBody: { required: true, ...json('CloseEpisode') },
        responses: { 200: { description: 'Closed', ...json('Created') }, ...problems(400, 401, 403, 404, 422) },
      },
    },
    '/api/v1/missing-episodes/{id}/went-with': {
      post: {
        operationId: 'linkEpisodes',
        summary:
          'Another child went missing with this one: links the two open episodes (both in your scope; not once this child is back)',
        parameters: idParam('episode id'),
        requestBody: { required: true, ...json('LinkEpisode') },
        responses: { 200: { description: 'Linked', ...json('Created') }, ...problems(400, 401, 404, 422) },
      },
    },
    '/api/v1/missing-episodes/{id}/went-with/undo': {
      post: {
        operationId: 'undoWentWith',
        summary:
          'Undo a "went with" link made by mistake: the link stays on both timelines, marked undone by you (not once the episode is closed)',
        parameters: idParam('episode id'),
        requestBody: { required: true, ...json('LinkEpisode') },
        responses: { 200: { description: 'Undone', ...json('Created') }, ...problems(400, 401, 404, 422) },
      },
    },
    '/api/v1/return-interviews': {
      get: {
        operationId: 'listReturnInterviews',
        summary: 'Return interviews you may see: due (including due soon), overdue, held, or all',
        parameters: [
          {
            name: 'status',
            in: 'query',
            required: false,
            schema: { type: 'string', enum: ['due', 'overdue', 'held', 'all'] },
          },
        ],
        responses: { 200: { description: 'The interviews', ...json('InterviewList') }, ...problems(401, 403, 422) },
      },
    },
    '/api/v1/missing-episodes/{id}/return-interview': {
      get: {
        operationId: 'getReturnInterview',
        summary:
          "The episode's return interview. concernsAboutHome is present only for the IRO, social worker, LA missing lead and interview service",
        parameters: idParam('episode id'),
        responses: { 200: { description: 'The interview', ...json('ReturnInterview') }, ...problems(401, 404) },
      },
      post: {
        operationId: 'recordReturnInterview',
        summary: 'Record the interview (or why it did not happen); once, then corrected by amendment',
        parameters: idParam('episode id'),
        requestBody: { required: true, ...json('InterviewOutcome') },
        responses: { 201: { description: 'Recorded', ...json('SavedWithWarnings') }, ...problems(400, 401, 404, 422) },
      },
    },
  }
}

/** Ending a placement and its Regulation 41 notices (last: the fuzz test's seed walks the routes in order). */
export function placementPaths() {
  return {
    '/api/v1/placements/{id}/end': {
      post: {
        operationId: 'endPlacement',
        summary: 'End a placement',
        parameters: idParam('placement id'),
        requestBody: { required: true, ...json('PlacementEnd') },
        responses: { 200: { description: 'Ended', ...json('Created') }, ...problems(400, 401, 403, 404, 422) },
      },
    },
    '/api/v1/placements/{id}/reg41-notices': {
      post: {
        operationId: 'recordReg41Notice',
        summary:
          "Record the home's Regulation 41 notice of admission or discharge to the authority it is in (once each; registered manager or responsible individual)",
        parameters: idParam('placement id'),
        requestBody: { required: true, ...json('Reg41Notice') },
        responses: { 200: { description: 'Recorded', ...json('Created') }, ...problems(400, 401, 403, 404, 422) },
      },
    },
  }
}
