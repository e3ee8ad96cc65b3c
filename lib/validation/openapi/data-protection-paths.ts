// The OpenAPI paths for data protection: the access reports and the subject access exports.
import { idParam, json, problems, zip } from './components'

const periodParams = [
  { name: 'from', in: 'query', required: false, schema: { type: 'string', format: 'date' } },
  { name: 'to', in: 'query', required: false, schema: { type: 'string', format: 'date' } },
]
const bundle = 'A zip: record.html (readable, prints to PDF) and record.json (machine-readable)'

export function dataProtectionPaths() {
  return {
    '/api/v1/children/{id}/access-report': {
      get: {
        operationId: 'getChildAccessReport',
        summary:
          "Who read or changed the child's records, newest first (registered managers and missing leads for children in their scope; administrators for any child): who, when, what and through which page, in plain words. By default the last 12 months; at most 5,000 entries (more says there were others)",
        parameters: [...idParam('child id'), ...periodParams],
        responses: {
          200: { description: 'The access report', ...json('ChildAccessReport') },
          ...problems(401, 404, 422),
        },
      },
    },
    '/api/v1/admin/people/{id}/access-report': {
      get: {
        operationId: 'getPersonAccessReport',
        summary:
          'Everything one person read or changed in the period, with the children each covered (initials), for an investigation (administrators)',
        parameters: [...idParam('user id'), ...periodParams],
        responses: {
          200: { description: 'The access report', ...json('PersonAccessReport') },
          ...problems(401, 403, 404, 422),
        },
      },
    },
    '/api/v1/children/{id}/subject-access-export': {
      get: {
        operationId: 'getChildSubjectAccessExport',
        summary:
          "Every record Haven holds about the child, corrections included, for a subject access request (registered managers and missing leads): third parties' information is marked for redaction review",
        parameters: idParam('child id'),
        responses: { 200: { description: bundle, content: zip }, ...problems(401, 404) },
      },
    },
    '/api/v1/admin/people/{id}/subject-access-export': {
      get: {
        operationId: 'getStaffSubjectAccessExport',
        summary:
          "A member of staff's own data (account, roles, sign-ins, sessions, what they recorded) for their subject access request (administrators)",
        parameters: idParam('user id'),
        responses: { 200: { description: bundle, content: zip }, ...problems(401, 403, 404) },
      },
    },
  }
}
