// The OpenAPI paths of the SSDA903 return's details and the upload of the authority's own return.
import { idParam, json, jsonOr, csv, problems, ref } from './components'

export function ssda903Paths() {
  return {
    '/api/v1/children/{id}/return-details': {
      get: {
        operationId: 'getReturnDetails',
        summary:
          "The child's details for the SSDA903 return: the authority's reference, UPN or UN code, home postcode, category of need (social workers and LA missing leads)",
        parameters: idParam('child id'),
        responses: { 200: { description: 'The details', ...json('ReturnDetails') }, ...problems(401, 404) },
      },
      put: {
        operationId: 'correctReturnDetails',
        summary: 'Corrects them (every field; blank clears one). Which fields changed is audited.',
        parameters: idParam('child id'),
        requestBody: { required: true, content: { 'application/json': { schema: ref('ReturnDetailsInput') } } },
        responses: {
          200: { description: 'The details now, and which changed', ...json('ReturnDetails') },
          ...problems(400, 401, 404, 422),
        },
      },
    },
    '/api/v1/exports/ssda903/upload': {
      post: {
        operationId: 'matchSsda903Upload',
        summary:
          "The authority's own Header and Episodes CSVs for a year (LA missing leads): Haven's children matched by the authority's reference, proposals by date of birth and name to confirm, differences, and Haven's Missing table keyed by the authority's CHILD values, checked against its episodes. Nothing uploaded is kept.",
        parameters: [
          {
            name: 'table',
            in: 'query',
            required: false,
            description: 'missing: the keyed Missing table as CSV instead of the match report',
            schema: { type: 'string', enum: ['missing'] },
          },
        ],
        requestBody: { required: true, content: { 'application/json': { schema: ref('Ssda903Upload') } } },
        responses: {
          200: { description: 'The match report, or the keyed Missing table as CSV', ...jsonOr('Ssda903Match', csv) },
          ...problems(400, 401, 403, 404, 422),
        },
      },
    },
  }
}
