// The OpenAPI paths for missing protocols, protocol steps done during an episode, and who was told of an episode.
import { settings } from '@/lib/settings'
import { idParam, json, problems } from './components'

export function protocolPaths() {
  return {
    '/api/v1/children/{id}/missing-protocols': {
      get: {
        operationId: 'listMissingProtocols',
        summary:
          "Every version of the child's missing protocol, newest first, the version in force (agreed by the social worker and signed off by the registered manager) and whether it is current",
        parameters: idParam('child id'),
        responses: { 200: { description: 'Versions', ...json('MissingProtocolList') }, ...problems(401, 404) },
      },
      post: {
        operationId: 'saveMissingProtocol',
        summary: `A new version of the missing protocol (basedOnVersion: the version you started from, 0 for the first); the review date is after today and at most ${settings.missingProtocol.reviewMonths} months away. The response has language warnings.`,
        parameters: idParam('child id'),
        requestBody: { required: true, ...json('MissingProtocol') },
        responses: {
          201: { description: 'Saved', ...json('MissingProtocolSaved') },
          ...problems(400, 401, 404, 422),
        },
      },
    },
    '/api/v1/missing-protocols/{id}/agreement': {
      post: {
        operationId: 'agreeMissingProtocol',
        summary:
          "The child's social worker agrees this version of the missing protocol: once, and only the latest version (no body)",
        parameters: idParam('missing protocol id'),
        responses: { 200: { description: 'Agreed', ...json('MissingProtocolApproved') }, ...problems(401, 404, 422) },
      },
    },
    '/api/v1/missing-protocols/{id}/sign-off': {
      post: {
        operationId: 'signOffMissingProtocol',
        summary:
          'The registered manager signs off this version of the missing protocol: once, and only the latest version (no body). Agreed and signed off, it is in force.',
        parameters: idParam('missing protocol id'),
        responses: {
          200: { description: 'Signed off', ...json('MissingProtocolApproved') },
          ...problems(401, 404, 422),
        },
      },
    },
    '/api/v1/missing-episodes/{id}/protocol-steps': {
      post: {
        operationId: 'recordProtocolStepDone',
        summary:
          "A step of the child's missing protocol done during the episode (step: its place in the list, 0 for the first), when it was done; each step once",
        parameters: idParam('episode id'),
        requestBody: { required: true, ...json('ProtocolStepDone') },
        responses: {
          201: { description: 'Ticked off', ...json('ProtocolStepDoneSaved') },
          ...problems(400, 401, 404, 422),
        },
      },
    },
    '/api/v1/missing-episodes/{id}/told': {
      post: {
        operationId: 'recordTold',
        summary:
          "Someone told of the episode: who, when, how; for the police, the force, reference and risk grade they gave. Method HAVEN tells the people Haven can reach (the IRO, the social worker, the home's registered managers) through the notification outbox; notified says how many.",
        parameters: idParam('episode id'),
        requestBody: { required: true, ...json('Told') },
        responses: { 201: { description: 'Recorded', ...json('ToldSaved') }, ...problems(400, 401, 404, 422) },
      },
    },
  }
}
